/**
 * Why a link has no meaning, in plain words. Tried in order (both orientations) after no relation in
 * `relations.ts` matched. `{a}` is the end of kind `a`, `{b}` the other; names are filled in.
 */
import type { NodeKind } from '../schema/index.ts';

/** Condition on the refused pair. */
export type RefusalCondition =
  | 'agent-never-listens'
  | 'agent-joins-via-proxy'
  | 'agent-joins-via-auth'
  | 'different-clusters'
  | 'same-cluster'
  | 'agent-lacks-service'
  | 'lb-fronts-other'
  | 'lb-fronts-relay'
  | 'agent-lacks-ssh'
  | 'client-monitoring-only';

/** One refusal. */
export interface RefusalSpec {
  a: NodeKind | '*';
  b: NodeKind | '*';
  when?: RefusalCondition;
  reason: string;
  /** The refused link means someone would dial an agent (finding L-A2 or PL-INBOUND-AGENT). */
  inboundToAgent?: boolean;
}

/** Refusals, most specific first. */
export const LINK_REFUSALS: readonly RefusalSpec[] = [
  { a: 'agent', b: '*', when: 'different-clusters', reason: '{a} and {b} belong to different clusters: an agent only connects to its own cluster (a trusted cluster does not change that). Set its cluster, or link it to its own Proxy.' },
  { a: 'agent', b: 'relay', when: 'agent-joins-via-auth', reason: '{a} joins Auth directly: only agents that join via the Proxy (proxy_server) tunnel to a Relay Service.' },
  { a: 'agent', b: 'relay', when: 'agent-lacks-ssh', reason: 'Only the SSH Service tunnels to a Relay Service (Teleport 18.3+): add the SSH service to {a}, or remove the link.' },
  { a: 'agent', b: 'load-balancer', when: 'lb-fronts-relay', reason: '{b} fronts Relay Services: only the SSH Service of an agent that joins via the Proxy (proxy_server) tunnels to relays. Link {a} to the Proxy (or its load balancer).' },
  { a: 'agent', b: 'load-balancer', when: 'lb-fronts-other', reason: '{b} fronts the other part of the control plane: {a} joins via {joinVia}. Link it to a load balancer that fronts the right service.' },
  { a: 'agent', b: 'agent', reason: 'Agents never connect to each other: link each one to the Proxy (or to Auth when it joins directly).' },
  { a: '*', b: 'agent', when: 'agent-never-listens', inboundToAgent: true, reason: 'Application and Database services never listen: clients reach apps and databases through the Proxy, and the agent dials out. Link {b} to the Proxy (or its load balancer) instead.' },
  { a: 'client', b: 'agent', inboundToAgent: true, reason: 'Clients never connect to agents: they go through the Proxy, which reaches {b} through its reverse tunnel (or dials it when it joined Auth directly). Link {a} to the Proxy instead. (A monitoring system that scrapes {b} uses the monitoring tool.)' },
  { a: 'proxy', b: 'agent', when: 'agent-joins-via-proxy', inboundToAgent: true, reason: '{b} joins via the Proxy: {a} reaches it through the reverse tunnel the agent opens, so the agent is the one that dials. Nothing dials the agent.' },
  { a: 'load-balancer', b: 'agent', inboundToAgent: true, reason: 'Agents are not load-balancer backends: {b} dials out to the Proxy. Link {b} to {a} only if {a} fronts the Proxies (then the agent is the client).' },
  { a: 'client', b: 'load-balancer', when: 'client-monitoring-only', reason: 'A monitoring system scrapes each Teleport process directly, not through a load balancer: link {a} to each Relay Service (or Proxy) it scrapes.' },
  { a: 'client', b: 'load-balancer', when: 'lb-fronts-relay', reason: '{b} fronts Relay Services, which only tsh uses (SSH sessions; the web UI cannot): give {a} the tsh tool, or link it to the Proxy.' },
  { a: 'client', b: 'relay', reason: 'Only tsh uses a Relay Service (SSH sessions; the web UI cannot): give {a} the tsh tool to reach SSH hosts through {b}.' },
  { a: 'client', b: 'auth', reason: 'Clients reach Auth through the Proxy (tctl and tsh use the Proxy web port). Link {a} to the Proxy instead. (A monitoring system that scrapes {b} uses the monitoring tool.)' },
  { a: 'client', b: '*', reason: 'Users reach {b} through Teleport, never directly: link {a} to the Proxy and {b} to the agent that serves it.' },
  { a: 'agent', b: 'auth', when: 'agent-joins-via-proxy', reason: '{a} joins via the Proxy (proxy_server): it never dials Auth. Link it to the Proxy, or set it to join via Auth.' },
  { a: 'agent', b: 'proxy', when: 'agent-joins-via-auth', reason: '{a} joins Auth directly (auth_server) but runs no service the Proxy could dial. Link it to Auth, or set it to join via the Proxy.' },
  { a: 'tbot', b: 'load-balancer', when: 'lb-fronts-other', reason: '{b} fronts the other part of the control plane: {a} joins via {joinVia}.' },
  { a: 'tbot', b: 'auth', when: 'agent-joins-via-proxy', reason: '{a} joins via the Proxy (proxy_server): link it to the Proxy, or set it to join via Auth.' },
  { a: 'tbot', b: 'proxy', when: 'agent-joins-via-auth', reason: '{a} joins Auth directly (auth_server): link it to Auth, or set it to join via the Proxy.' },
  { a: 'agent', b: '*', when: 'agent-lacks-service', reason: '{a} runs no service that reaches {b} ({services}): add the service, or link {b} to an agent that runs it.' },
  { a: 'proxy', b: 'proxy', when: 'same-cluster', reason: 'Proxies of one cluster only talk to each other with proxy peering (tunnel_strategy: proxy_peering). In agent mesh they never do: remove the link, or switch the cluster to proxy peering.' },
  { a: '*', b: '*', when: 'different-clusters', reason: '{a} and {b} belong to clusters that do not trust each other. Make one cluster a leaf of the other (trustedRoot) to link their Proxies.' },
  { a: 'load-balancer', b: 'load-balancer', reason: 'Chained load balancers are not modelled: link {a} to the Proxies (or Auth) directly.' },
  { a: 'auth', b: 'proxy', reason: 'The Proxy opens the connection to Auth, and only within one cluster.' },
  { a: 'relay', b: '*', reason: 'A Relay Service dials only its cluster\'s Proxy (to join) and the other relays of its group (on its own): link {b} to the relay only if it is an SSH agent, tsh users or tbot, or the relay to its Proxy.' },
];

/** Fallback reason when no refusal matched. */
export const GENERIC_REFUSAL = 'Teleport makes no connection between {a} ({kindA}) and {b} ({kindB}).';
