/**
 * `/etc/default/teleport` (`teleport-env`, per host): the environment file the teleport systemd
 * unit reads (`EnvironmentFile=-/etc/default/teleport`), with `HTTPS_PROXY`, `HTTP_PROXY`,
 * `NO_PROXY` and, on agents, `TELEPORT_TUNNEL_PUBLIC_ADDR` from the node's `env` in the plan (and, on
 * Proxies that opt in, `TELEPORT_UNSTABLE_QUIC_PROXY_PEERING`). Computed additions to NO_PROXY are commented
 * (`kube.teleport.cluster.local` on a Proxy, lint L-H3), and every address the node dials is listed
 * with the way Go's proxy rules route it (through the forward proxy, or direct).
 */
import { ALL_FLOW_TEMPLATES } from '../catalog/index.ts';
import type { DeriveResult } from '../engine/index.ts';
import { shouldProxy } from '../engine/no-proxy.ts';
import type { Plan, PlanNode } from '../schema/index.ts';
import { lineComment } from './escape.ts';
import { compareText } from './model.ts';
import { perHost } from './per-host.ts';

/** NO_PROXY entry a Proxy needs to reach a local Kubernetes API through its own forwarder (L-H3). */
const KUBE_LOCAL = 'kube.teleport.cluster.local';

type EnvNode = Extract<PlanNode, { env?: unknown }>;

function envOf(node: PlanNode): EnvNode['env'] {
  return 'env' in node ? node.env : undefined;
}

/** `KEY=value`, double-quoted (systemd EnvironmentFile rules) unless the value is plain. */
function assignment(key: string, value: string): string {
  if (/^[A-Za-z0-9_.:/@[\]*,%+=-]*$/.test(value)) return `${key}=${value}`;
  return `${key}="${value.replace(/[\\"$`]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

function envFile(plan: Plan, result: DeriveResult, node: PlanNode): string {
  const env = envOf(node);
  const lines = [lineComment(`Portolan: /etc/default/teleport for ${node.name} (${node.id}), plan ${plan.name}.`), '# Read by the teleport systemd unit (EnvironmentFile=-/etc/default/teleport); restart teleport after a change.'];
  const tunnel = node.kind === 'agent' ? node.env?.teleportTunnelPublicAddr : undefined;
  if (tunnel) {
    lines.push('# Where the reverse tunnel goes instead of the tunnel address the Proxy advertises:', assignment('TELEPORT_TUNNEL_PUBLIC_ADDR', tunnel));
  }
  const quic = node.kind === 'proxy' && node.quicPeering;
  if (quic) lines.push('# Experimental QUIC proxy peering (UDP on the peer address) with the Proxies that set it too:', assignment('TELEPORT_UNSTABLE_QUIC_PROXY_PEERING', 'yes'));
  const proxy = env?.httpsProxy || env?.httpProxy;
  if (!env || !proxy) {
    if (tunnel || quic) return [...lines, ''].join('\n');
    return [...lines, '# The plan sets no HTTP CONNECT forward proxy for this node: nothing to set.', ''].join('\n');
  }
  const noProxy = (env.noProxy ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '');
  const added: string[] = [];
  if (node.kind === 'proxy' && !noProxy.includes(KUBE_LOCAL)) added.push(KUBE_LOCAL);
  const finalNoProxy = [...noProxy, ...added].join(',');
  if (env.httpsProxy) lines.push(assignment('HTTPS_PROXY', env.httpsProxy));
  if (env.httpProxy) lines.push(assignment('HTTP_PROXY', env.httpProxy));
  if (added.length > 0) lines.push(lineComment(`Added by Portolan: ${added.join(', ')} (lint L-H3: the Proxy's own Kubernetes forwarding must not go through the forward proxy).`));
  if (finalNoProxy !== '') lines.push(assignment('NO_PROXY', finalNoProxy));
  // Dials whose rules assume a direct connection (forwardProxy 'never' in the catalog) say so when Go would proxy them.
  const never = new Set(ALL_FLOW_TEMPLATES.filter((t) => t.forwardProxy === 'never').map((t) => t.id));
  const own = result.flows.filter((f) => f.from === node.id && f.dialTarget !== undefined);
  const targets = [...new Set(own.map((f) => f.dialTarget as string))].sort(compareText);
  // Destinations the plan gives no address for (an Auth or its load balancer): with no host to match, the rules
  // take the dial as direct, which NO_PROXY must make true.
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const addressless = (id: string) => {
    const n = nodes.get(id);
    return n !== undefined && ![...('publicAddr' in n ? n.publicAddr : []), ...n.addresses].some((a) => !a.includes('/'));
  };
  const unknown = [...new Set(result.flows.filter((f) => f.from === node.id && f.dialTarget === undefined && addressless(f.to)).map((f) => f.to))].sort(compareText);
  if (targets.length > 0 || unknown.length > 0) {
    lines.push('#', '# What this node dials, and how Go routes it with these values (HTTPS_PROXY wins for tunnels):');
    for (const to of unknown) {
      lines.push(lineComment(`  ${nodes.get(to)?.name ?? to} (no address in the plan): the rules assume a direct connection: add its address to NO_PROXY`));
    }
    for (const t of targets) {
      const assumedDirect = own.filter((f) => f.dialTarget === t).every((f) => never.has(f.catalog));
      const how = !shouldProxy(finalNoProxy, t) ? 'direct (NO_PROXY or loopback)' : assumedDirect ? 'through the forward proxy, but the rules assume a direct connection: add it to NO_PROXY, or open the path through the forward proxy' : 'through the forward proxy';
      lines.push(lineComment(`  ${t}: ${how}`));
    }
  }
  return [...lines, ''].join('\n');
}

/** The environment file of one node (every node with an `env`, or QUIC peering, without `hostId`). */
export function teleportEnvExport(plan: Plan, result: DeriveResult, hostId?: string): string {
  const ids = plan.nodes.filter((n) => envOf(n) !== undefined || (n.kind === 'proxy' && n.quicPeering)).map((n) => n.id).sort(compareText);
  return perHost(hostId, ids, (id) => {
    const node = plan.nodes.find((n) => n.id === id);
    return node ? envFile(plan, result, node) : `${lineComment(`No node with id ${id} in this plan.`)}\n`;
  });
}
