/** Plan completeness: missing Auth/Proxy, nodes with no path, links without meaning, Cloud misuse. */
import type { Link } from '../schema/index.ts';
import { usesProxy } from '../catalog/index.ts';
import { clusterIdOf } from '../engine/context.ts';
import { effectiveJoinVia } from '../engine/relations.ts';
import { tenantAddress } from '../engine/endpoints.ts';
import type { Check } from './input.ts';
import { namesOf } from './input.ts';
import { listNames } from './sink.ts';

/** PL-NO-AUTH, PL-NO-PROXY, PL-CLOUD-CONTROL-PLANE, PL-CLOUD-NO-TENANT. */
export const clusterShape: Check = (input) => {
  const { ctx, out } = input;
  for (const c of ctx.plan.clusters) {
    const auths = ctx.authsByCluster.get(c.id) ?? [];
    const proxies = ctx.proxiesByCluster.get(c.id) ?? [];
    const params = { cluster: c.name };
    if (c.deployment === 'self-hosted') {
      if (auths.length === 0) out.add({ code: 'PL-NO-AUTH', subjects: [c.id], params });
      if (proxies.length === 0) out.add({ code: 'PL-NO-PROXY', subjects: [c.id], params });
      continue;
    }
    const hosted = [...auths, ...proxies].map((n) => n.id);
    if (hosted.length > 0) out.add({ code: 'PL-CLOUD-CONTROL-PLANE', subjects: [c.id], params: { ...params, nodes: listNames(namesOf(input, hosted)) }, nodes: hosted });
    if (!c.cloudTenant) out.add({ code: 'PL-CLOUD-NO-TENANT', subjects: [c.id], params: { ...params, fallback: tenantAddress(ctx.plan, c.id).host } });
  }
};

/** PL-PROXY-NO-AUTH, PL-NO-PATH, PL-CLIENT-NO-PATH. */
export const paths: Check = (input) => {
  const { ctx, obs, out } = input;
  for (const node of ctx.sortedNodes) {
    const clusterId = clusterIdOf(ctx, node);
    const cluster = clusterId === undefined ? undefined : ctx.clusters.get(clusterId);
    if (node.kind === 'proxy' && cluster?.deployment === 'self-hosted' && (ctx.authsByCluster.get(cluster.id) ?? []).length > 0 && !obs.proxiesWithAuth.has(node.id)) {
      out.add({ code: 'PL-PROXY-NO-AUTH', subjects: [node.id], params: { proxy: node.name, cluster: cluster.name }, nodes: [node.id] });
    }
    if ((node.kind === 'agent' || node.kind === 'tbot' || node.kind === 'relay') && !obs.reachedCluster.has(node.id) && cluster) {
      const viaAuth = effectiveJoinVia(ctx, node) === 'auth';
      out.add({
        code: 'PL-NO-PATH', subjects: [node.id], nodes: [node.id],
        params: { node: node.name, cluster: cluster.name, targets: viaAuth ? 'Proxy, load balancer or Auth' : 'Proxy or load balancer', authFix: viaAuth ? ', or to Auth since it joins directly' : '' },
      });
    }
    if (node.kind === 'client' && node.tools.some(usesProxy) && !obs.reachedCluster.has(node.id)) out.add({ code: 'PL-CLIENT-NO-PATH', subjects: [node.id], params: { node: node.name }, nodes: [node.id] });
  }
};

/** PL-LINK-MEANINGLESS, PL-INBOUND-AGENT, L-A2 for refused links. */
export const refusedLinks: Check = (input) => {
  const { ctx, out } = input;
  const links = ctx.sortedLinks;
  for (let i = 0; i < links.length; i++) {
    const link = links[i] as Link;
    const c = input.classes[i];
    if (!c || c.ok) continue;
    const a = ctx.nodes.get(link.source);
    const b = ctx.nodes.get(link.target);
    if (!a || !b) continue;
    const base = { subjects: [a.id, b.id], nodes: [a.id, b.id], links: [link.id] };
    const params = { a: a.name, b: b.name, reason: c.reason };
    const agent = c.agent === undefined ? undefined : ctx.nodes.get(c.agent);
    if (agent?.kind === 'agent') {
      const other = agent.id === a.id ? b : a;
      if (agent.services.every((s) => s === 'app' || s === 'database')) {
        out.add({ ...base, code: 'L-A2', params: { agent: agent.name, services: agent.services.join(', '), other: other.name } });
      } else {
        out.add({ ...base, code: 'PL-INBOUND-AGENT', params: { ...params, agent: agent.name } });
      }
      continue;
    }
    out.add({ ...base, code: 'PL-LINK-MEANINGLESS', params });
  }
};
