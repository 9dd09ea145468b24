/** Load balancers (§5 L-B1, L-B2, L-B3, L-T3, L-T4, L-T5, L-T7) and Portolan's mapping checks. */
import { KEEPALIVE_IDLE_LIMIT_SECONDS, L7_TLS_ROUTING_MIN_VERSION, LB_IDLE_TIMEOUT_TARGET, flowTemplate } from '../catalog/index.ts';
import type { NodeOfKind } from '../schema/index.ts';
import type { Autofix } from '../engine/types.ts';
import { neighbours } from '../engine/context.ts';
import { backendPorts } from '../engine/families/load-balancers.ts';
import type { Check } from './input.ts';
import { namesOf } from './input.ts';
import { listNames } from './sink.ts';

/** L-B1, L-B3, L-T3, L-T4, L-T5, L-T7, L-B2. */
export const lbKinds: Check = (input) => {
  const { ctx, out } = input;
  // LBs whose idle timeout is at or below the keep-alive interval, and whether they carry long-lived flows.
  const shortIdle = new Set([...ctx.lbs.keys()].filter((id) => {
    const t = (ctx.nodes.get(id) as NodeOfKind<'load-balancer'>).idleTimeoutSeconds;
    return t !== undefined && t <= KEEPALIVE_IDLE_LIMIT_SECONDS;
  }));
  const longLived = new Set<string>();
  // Sticky load balancers that carry reverse tunnels (agents', leaf Proxies'): only those matter, to L-B3.
  const sticky = new Set([...ctx.lbs.keys()].filter((id) => (ctx.nodes.get(id) as NodeOfKind<'load-balancer'>).sticky));
  const tunnelsTo = new Set<string>();
  if (sticky.size > 0) for (const f of input.flows) if (sticky.has(f.to) && flowTemplate(f.catalog).forwardProxy === 'tunnel') tunnelsTo.add(f.to);
  if (shortIdle.size > 0) {
    for (const f of input.flows) {
      if (!f.longLived) continue;
      if (shortIdle.has(f.from)) longLived.add(f.from);
      if (shortIdle.has(f.to)) longLived.add(f.to);
    }
  }
  for (const [id, info] of ctx.lbs) {
    const lb = ctx.nodes.get(id) as NodeOfKind<'load-balancer'>;
    const cluster = info.cluster === undefined ? undefined : ctx.clusters.get(info.cluster);
    const terminates = lb.layer === 'l7' || lb.tlsTermination;
    // An L4 load balancer stops terminating TLS with one setting; an L7 one is another product (not offered).
    // Re-encrypting means nothing without termination: the fix turns both off.
    const passThrough: Autofix[] = lb.layer === 'l4'
      ? [{ label: `Pass TCP through on ${lb.name} (no TLS termination)`, changes: [{ target: 'node', id, field: 'tlsTermination', value: false }, ...(lb.tlsReencrypt ? [{ target: 'node' as const, id, field: 'tlsReencrypt', value: false }] : [])] }]
      : [];
    if (info.role === 'auth' && terminates) {
      // Auth's load balancer has no other way: pass-through is the fix, not a choice.
      out.add({ code: 'L-B1', subjects: [id], nodes: [id], params: { lb: lb.name, problem: lb.layer === 'l7' ? 'it is an L7 load balancer' : 'it terminates TLS' }, ...(passThrough[0] ? { autofix: passThrough[0] } : {}) });
    }
    if (info.role === 'proxy' && cluster) {
      // An L4 load balancer that terminates TLS drops the client's ALPN as an L7 one does, and before 13
      // neither tsh nor agents can fall back to the connection upgrade (reference §5 L-T3, D2).
      if (cluster.proxyListenerMode === 'multiplex' && terminates && cluster.teleportVersion < L7_TLS_ROUTING_MIN_VERSION) {
        out.add({ code: 'L-T3', subjects: [id], nodes: [id], params: { lb: lb.name, what: lb.layer === 'l7' ? 'is an L7 load balancer' : 'terminates TLS', cluster: cluster.name, version: cluster.teleportVersion } });
      }
      if (cluster.proxyListenerMode === 'multiplex' && terminates) {
        const clients = neighbours(ctx, id).filter((n) => n.kind === 'client' && n.tools.some((t) => t === 'kubectl' || t === 'database'));
        // The other way out, local proxies on the users' side, is no plan field.
        if (clients.length > 0) out.add({ code: 'L-T4', subjects: [id], nodes: [id, ...clients.map((c) => c.id)], params: { lb: lb.name, clients: listNames(clients.map((c) => c.name)) }, choices: passThrough });
      }
      if (cluster.proxyListenerMode === 'separate' && terminates) out.add({ code: 'L-T7', subjects: [id], nodes: [id], params: { lb: lb.name, cluster: cluster.name }, choices: passThrough });
      // Agent mesh: agents reach each Proxy only through the shared address, relying on the LB to spread their dials.
      if (lb.sticky && cluster.deployment !== 'cloud' && cluster.tunnelStrategy === 'agent_mesh' && info.backends.length > 1 && tunnelsTo.has(id)) {
        // Proxy peering is no way out where it is not available: OSS, or trusted clusters (L-R1, L-R2).
        const peering = cluster.edition !== 'oss' && !ctx.plan.clusters.some((c) => c.trustedRoot === cluster.id || c.id === cluster.trustedRoot);
        const advice = `Turn session affinity off on ${lb.name} so that it spreads new connections${peering ? ', or switch the cluster to proxy peering' : ''}.`;
        const choices: Autofix[] = [{ label: `Turn session affinity off on ${lb.name}`, changes: [{ target: 'node', id, field: 'sticky', value: false }] }];
        if (peering) choices.push({ label: `Switch ${cluster.name} to proxy peering`, changes: [{ target: 'cluster', id: cluster.id, field: 'tunnelStrategy', value: 'proxy_peering' }] });
        out.add({ code: 'L-B3', subjects: [id], nodes: [id, ...info.backends.map((b) => b.id)], params: { lb: lb.name, cluster: cluster.name, proxies: listNames(info.backends.map((b) => b.name)), advice }, choices });
      }
      if (lb.layer === 'l4' && lb.tlsTermination && !lb.tlsReencrypt) {
        out.add({
          code: 'L-T5', subjects: [id], nodes: [id, ...info.backends.map((b) => b.id)], params: { lb: lb.name, proxies: listNames(info.backends.map((b) => b.name)) },
          choices: [...passThrough, { label: `Mark ${lb.name} as re-encrypting (a TLS target group)`, changes: [{ target: 'node', id, field: 'tlsReencrypt', value: true }] }],
        });
      }
    }
    if (longLived.has(id)) {
      out.add({
        code: 'L-B2', subjects: [id], nodes: [id], params: { lb: lb.name, timeout: lb.idleTimeoutSeconds ?? 0 },
        autofix: { label: `Set the idle timeout of ${lb.name} to ${LB_IDLE_TIMEOUT_TARGET} s`, changes: [{ target: 'node', id, field: 'idleTimeoutSeconds', value: LB_IDLE_TIMEOUT_TARGET }] },
      });
    }
  }
};

/** PL-LB-MISSING-PORT, PL-LB-DEAD-MAPPING, PL-LB-NO-BACKEND. */
export const lbMappings: Check = (input) => {
  const { ctx, obs, out } = input;
  for (const m of obs.missingPorts.values()) {
    const ports = [...m.ports].sort((a, b) => a - b).join(', ');
    out.add({
      code: 'PL-LB-MISSING-PORT', subjects: [m.lb], nodes: [m.lb, ...m.proxies, ...m.initiators], links: m.links,
      params: { lb: ctx.nodes.get(m.lb)?.name ?? m.lb, ports, proxies: listNames(namesOf(input, m.proxies)), initiators: listNames(namesOf(input, m.initiators)), what: [...m.whats].sort().join(', ') },
    });
  }
  for (const [id, w] of obs.lbWithoutBackend) {
    out.add({ code: 'PL-LB-NO-BACKEND', subjects: [id], nodes: [id, ...w.initiators], links: w.links, params: { lb: ctx.nodes.get(id)?.name ?? id, initiators: listNames(namesOf(input, w.initiators)) } });
  }
  for (const [id, info] of ctx.lbs) {
    if (info.backends.length === 0) continue;
    const lb = ctx.nodes.get(id) as NodeOfKind<'load-balancer'>;
    const open = new Set(info.backends.flatMap((b) => [...backendPorts(ctx, b)]));
    const dead = lb.mappings.filter((m) => !open.has(m.targetPort));
    if (dead.length === 0) continue;
    out.add({
      code: 'PL-LB-DEAD-MAPPING', subjects: [id], nodes: [id, ...info.backends.map((b) => b.id)],
      params: { lb: lb.name, front: dead.map((m) => m.frontPort).join(', '), target: dead.map((m) => m.targetPort).join(', '), backends: listNames(info.backends.map((b) => b.name)) },
    });
  }
};
