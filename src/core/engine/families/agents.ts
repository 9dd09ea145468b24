/**
 * Agents and tbot → control plane (reference §2.2, §2.5): reverse tunnel + join through the Proxy,
 * or gRPC straight to Auth, after which the Proxies dial the agent's listening services (§2.3 P3–P5).
 */
import { AGENT_SERVICES, KUBE_SERVICE_PORTLESS_PORT, flowTemplate } from '../../catalog/index.ts';
import type { Link, NodeOfKind, PlanNode } from '../../schema/index.ts';
import { parseHostPort } from '../addr.ts';
import { clusterIdOf, linksBetween } from '../context.ts';
import { reachProxy } from '../reach.ts';
import type { Entry, Need } from '../reach.ts';
import { entryOf, linkCause } from '../run.ts';
import type { Handler, Run } from '../run.ts';
import { NO_SETTINGS } from '../sink.ts';
import { reachAuth } from './control-plane.ts';

let agentNeedList: readonly Need[] | undefined;
let tbotNeedList: readonly Need[] | undefined;

/** Agents need the tunnel listener (the web port in multiplex) and the web port to join. */
export function agentNeeds(): readonly Need[] {
  agentNeedList ??= [
    { use: 'tunnel', template: flowTemplate('agent-reverse-tunnel') },
    { use: 'web', template: flowTemplate('agent-join') },
  ];
  return agentNeedList;
}

/** tbot needs the web port to join and renew, and the tunnel listener (the web port in multiplex) for its Auth client. */
export function tbotNeeds(): readonly Need[] {
  tbotNeedList ??= [
    { use: 'web', template: flowTemplate('tbot-web') },
    { use: 'tunnel', template: flowTemplate('tbot-tunnel') },
  ];
  return tbotNeedList;
}

/** Flows of an agent or tbot entering its cluster. */
export function reachAsMember(run: Run, node: PlanNode, entry: Entry, links: readonly string[], cause: string): void {
  const needs = node.kind === 'tbot' ? tbotNeeds() : agentNeeds();
  // No per-node setting: the flow traces to its link (or, for the Cloud tenant, to the cluster settings).
  reachProxy(run.ctx, run.sink, run.obs, { initiator: node, entry, needs, links, settings: NO_SETTINGS, cause });
  run.obs.reachedCluster.add(node.id);
}

/** agent — proxy / LB and tbot — proxy / LB (joined via the Proxy). */
export const memberTunnel: Handler = (run, link, initiator, listener) => {
  const entry = entryOf(listener);
  if (!entry) return;
  reachAsMember(run, initiator, entry, [link.id], linkCause(link, initiator.kind === 'tbot' ? 'tbot joins via the Proxy' : 'agent joins via the Proxy'));
};

/** agent — auth / Auth LB and tbot — auth (joined directly to Auth). */
export const memberAuth: Handler = (run, link, initiator, listener) => {
  const template = flowTemplate(initiator.kind === 'tbot' ? 'tbot-auth' : 'agent-auth-direct');
  reachAuth(run, initiator, listener, template, link);
  run.obs.reachedCluster.add(initiator.id);
  if (initiator.kind === 'agent') proxiesDialAgent(run, initiator, [link.id], undefined);
};

/** Ports the agent's listening services open (SSH 3022 by default; Kubernetes 3026 and Desktop 3028 when configured). */
export function agentListenPorts(agent: NodeOfKind<'agent'>): { service: string; port: number; template: string; field: string }[] {
  const out: { service: string; port: number; template: string; field: string }[] = [];
  for (const s of agent.services) {
    const listen = AGENT_SERVICES[s].listen;
    if (!listen) continue;
    const text = agent[listen.field];
    // L-A1: a service with no default listener (Kubernetes, Windows Desktop) listens only where listen_addr is set.
    if (listen.exclusiveKey !== undefined && text === undefined) continue;
    const hp = text === undefined ? undefined : parseHostPort(text);
    const port = hp?.port ?? (s === 'kubernetes' ? KUBE_SERVICE_PORTLESS_PORT : listen.defaultPort);
    out.push({ service: s, port, template: listen.template, field: listen.field });
  }
  return out;
}

/** The Proxies of the agent's cluster (or just `only`) dial its listening services. */
export function proxiesDialAgent(run: Run, agent: NodeOfKind<'agent'>, links: readonly string[], only: string | undefined): void {
  const cluster = clusterIdOf(run.ctx, agent) as string;
  const proxies = (run.ctx.proxiesByCluster.get(cluster) ?? []).filter((p) => only === undefined || p.id === only);
  for (const proxy of proxies) {
    const extra = linksBetween(run.ctx, proxy.id, agent.id);
    for (const l of agentListenPorts(agent)) {
      run.sink.add({
        from: proxy.id, to: agent.id, port: l.port, template: flowTemplate(l.template),
        cause: `agent ${agent.id} joins Auth directly, so Proxy ${proxy.id} dials its ${AGENT_SERVICES[l.service as 'ssh'].label} Service`,
        links: [...links, ...extra], settings: [`nodes[${agent.id}].joinVia`, `nodes[${agent.id}].services`, ...(agent[l.field as 'sshListenAddr'] ? [`nodes[${agent.id}].${l.field}`] : [])],
      });
    }
  }
}

/** proxy — agent (the agent joined Auth directly and listens). */
export const proxyDialsAgent: Handler = (run: Run, link: Link, initiator: PlanNode, listener: PlanNode) => {
  if (listener.kind !== 'agent') return;
  proxiesDialAgent(run, listener, [link.id], initiator.id);
};
