/**
 * Kubernetes NetworkPolicy (`k8s-netpol`): one policy per agent or tbot with `runtime: kubernetes`.
 *
 * Assumption (stated in the output): the agent runs from the `teleport-kube-agent` Helm chart with
 * the agent id as release name, so its pods carry `app.kubernetes.io/name: teleport-kube-agent` and
 * `app.kubernetes.io/instance: <agent id>`; a tbot from the `tbot` chart likewise
 * (`app.kubernetes.io/name: tbot`, `app.kubernetes.io/instance: <tbot id>`, in the chart's
 * `tbot.selectorLabels`). Both policy types are set: Ingress holds only the rules
 * the plan needs (none in tunnel mode: agents dial out, so all inbound is denied), Egress allows
 * DNS to kube-dns (an egress policy otherwise breaks name resolution) and each outbound rule on its
 * exact port, to an `ipBlock` when the peer address is an IP or CIDR. NetworkPolicy cannot match
 * host names: such a peer is allowed on its port to any address, with a `resolve:` comment and the
 * `portolan/unresolved` annotation, so a reviewer can tighten it (or use an FQDN-aware CNI policy).
 */
import type { DeriveResult } from '../engine/index.ts';
import { workloadTcpPort } from '../engine/families/workload.ts';
import type { NodeOfKind, Plan } from '../schema/index.ts';
import { compareText } from './model.ts';
import { parseNetAddress, withPrefixLength } from './netaddr.ts';
import { hostEntries } from './views.ts';
import type { HostEntry } from './views.ts';
import { commentAt, yamlDocument, yamlStream } from './yaml-doc.ts';

/** Pod labels the policies select (teleport-kube-agent chart, release name = agent id). */
export const AGENT_POD_LABELS = (agentId: string) => ({ 'app.kubernetes.io/name': 'teleport-kube-agent', 'app.kubernetes.io/instance': agentId });

/** Pod labels of a tbot from the `tbot` Helm chart (release name = tbot id). */
export const TBOT_POD_LABELS = (tbotId: string) => ({ 'app.kubernetes.io/name': 'tbot', 'app.kubernetes.io/instance': tbotId });

type PodNode = NodeOfKind<'agent'> | NodeOfKind<'tbot'>;

interface Peer {
  blocks: { ipBlock: { cidr: string } }[];
  names: string[];
}

function peerOf(entry: HostEntry): Peer {
  const net = parseNetAddress(entry.peer.address);
  if (net.any) return { blocks: [], names: [] };
  return { blocks: [...net.v4, ...net.v6].map((c) => ({ ipBlock: { cidr: withPrefixLength(c) } })), names: net.names };
}

function portsOf(entry: HostEntry) {
  const r = entry.row.rule;
  const port = { protocol: r.protocol.toUpperCase(), port: r.port };
  return [r.portEnd !== undefined && r.portEnd !== r.port ? { ...port, endPort: r.portEnd } : port];
}

/** A rule of the policy: `to`/`from` only when the peer has IP addresses and no host name. */
function policyRule(entry: HostEntry, side: 'to' | 'from') {
  const peer = peerOf(entry);
  const restricted = peer.blocks.length > 0 && peer.names.length === 0;
  return restricted ? { [side]: peer.blocks, ports: portsOf(entry) } : { ports: portsOf(entry) };
}

function policy(plan: Plan, result: DeriveResult, agent: PodNode) {
  const entries = hostEntries(plan, result, agent.id);
  const inbound = entries.filter((e) => e.direction === 'in');
  // A tbot's Workload API on TCP is called by workloads the plan does not draw: open its port, flagged.
  const workloadListen = agent.kind === 'tbot' ? agent.workloadApi?.listen : undefined;
  const workloadPort = workloadTcpPort(workloadListen);
  const outbound = entries.filter((e) => e.direction === 'out');
  const unresolved = [...new Set(entries.flatMap((e) => peerOf(e).names))].sort(compareText);
  const metadata = {
    name: `portolan-${agent.id}`,
    ...(agent.namespace ? { namespace: agent.namespace } : {}),
    labels: { 'app.kubernetes.io/managed-by': 'portolan' },
    annotations: { [agent.kind === 'tbot' ? 'portolan/tbot' : 'portolan/agent']: agent.name, ...(unresolved.length > 0 ? { 'portolan/unresolved': unresolved.join(' ') } : {}) },
  };
  const dns = {
    to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
    ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
  };
  const doc = yamlDocument(
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata,
      spec: {
        podSelector: { matchLabels: agent.kind === 'tbot' ? TBOT_POD_LABELS(agent.id) : AGENT_POD_LABELS(agent.id) },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [...inbound.map((e) => policyRule(e, 'from')), ...(workloadPort !== undefined ? [{ ports: [{ protocol: 'TCP', port: workloadPort }] }] : [])],
        egress: [dns, ...outbound.map((e) => policyRule(e, 'to'))],
      },
    },
    agent.kind === 'tbot'
      ? [
          `tbot ${agent.name} (${agent.id}).`,
          `Selects the pods of the tbot Helm release "${agent.id}" (assumed release name = tbot id; a Workload API DaemonSet of your own needs these labels).`,
          ...(agent.namespace ? [] : ['No namespace in the plan: apply it in the tbot\'s namespace (kubectl -n <namespace> apply -f ...).']),
        ]
      : [
          `Agent ${agent.name} (${agent.id}), services: ${agent.services.join(', ')}.`,
          `Selects the pods of the teleport-kube-agent Helm release "${agent.id}" (assumed release name = agent id).`,
          ...(agent.namespace ? [] : ['No namespace in the plan: apply it in the agent\'s namespace (kubectl -n <namespace> apply -f ...).']),
        ],
  );
  if (inbound.length === 0 && workloadPort === undefined) commentAt(doc, ['spec', 'ingress'], [agent.kind === 'tbot' ? 'No inbound rule: tbot dials out, so all inbound traffic is denied.' : 'No inbound rule: the agent dials out (reverse tunnel), so all inbound traffic is denied.']);
  if (workloadPort !== undefined) {
    commentAt(doc, ['spec', 'ingress', inbound.length], [
      `Workload API on ${workloadListen}: callers over TCP are not attested (PL-WORKLOAD-TCP).`,
      'Add a from: with the pods that call it; as written, any pod or address may.',
    ]);
  }
  commentAt(doc, ['spec', 'egress', 0], ['DNS to kube-dns: without it the egress rules would break name resolution.']);
  outbound.forEach((e, i) => {
    const names = peerOf(e).names;
    const why = `${e.row.rule.id}: ${e.row.rule.purposes.join('; ')}`;
    commentAt(doc, ['spec', 'egress', i + 1], names.length > 0 ? [why, `resolve: ${names.join(', ')} is a host name; NetworkPolicy needs IPs, so this port is open to any address.`] : [why]);
  });
  inbound.forEach((e, i) => commentAt(doc, ['spec', 'ingress', i], [`${e.row.rule.id}: ${e.row.rule.purposes.join('; ')}`]));
  return doc;
}

/** NetworkPolicies for every Kubernetes agent and tbot (or the one `hostId`), as a multi-document YAML. */
export function kubernetesExport(plan: Plan, result: DeriveResult, hostId?: string): string {
  const pods = plan.nodes
    .filter((n): n is PodNode => (n.kind === 'agent' || n.kind === 'tbot') && n.runtime === 'kubernetes' && (hostId === undefined || n.id === hostId))
    .sort((a, b) => compareText(a.id, b.id));
  if (pods.length === 0) return `# Portolan: no agent or tbot with runtime: kubernetes${hostId ? ` and id ${hostId}` : ''} in this plan, so no NetworkPolicy.\n`;
  return yamlStream(pods.map((a) => policy(plan, result, a)));
}
