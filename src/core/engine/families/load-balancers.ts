/** Load balancer → backends (reference §3.6): one flow per mapping whose target port the backend opens. */
import { TLS_ROUTING_L7_NOTE, flowTemplate } from '../../catalog/index.ts';
import type { PlanNode } from '../../schema/index.ts';
import type { Ctx } from '../context.ts';
import { linkCause } from '../run.ts';
import type { Handler } from '../run.ts';
import { authPort } from './control-plane.ts';
import { relayBackendPorts } from './relay.ts';
import { monitorEndpoints } from './monitoring.ts';
import { isLoopbackHost, parseHostPort } from '../addr.ts';

/** Ports a backend opens: Proxy listeners, the Auth port or the relay listeners, plus its monitoring endpoints. */
export function backendPorts(ctx: Ctx, node: PlanNode): Set<number> {
  const out = new Set<number>();
  if (node.kind === 'auth') out.add(authPort(node));
  else if (node.kind === 'relay') for (const p of relayBackendPorts(node)) out.add(p);
  else for (const l of ctx.proxies.get(node.id)?.listeners.values() ?? []) out.add(l.port);
  for (const e of monitorEndpoints(node)) {
    const hp = parseHostPort(e.addr);
    if (hp?.port !== undefined && !isLoopbackHost(hp.host)) out.add(hp.port);
  }
  return out;
}

/** lb — proxy / lb — auth / lb — relay (backend). */
export const lbBackend: Handler = (run, link, lb, backend) => {
  if (lb.kind !== 'load-balancer') return;
  const open = backendPorts(run.ctx, backend);
  const template = flowTemplate('lb-backend');
  const mappings = [...lb.mappings].sort((a, b) => a.frontPort - b.frontPort || a.targetPort - b.targetPort);
  const proxy = lb.layer === 'l7' ? run.ctx.proxies.get(backend.id) : undefined;
  const routedWeb = proxy?.cluster.proxyListenerMode === 'multiplex' ? proxy.listeners.get('web')?.port : undefined;
  for (const m of mappings) {
    if (!open.has(m.targetPort)) continue;
    run.sink.add({
      from: lb.id, to: backend.id, port: m.targetPort, template,
      purpose: `${lb.name} forwards ${m.frontPort} → ${m.targetPort} to ${backend.name}`,
      cause: linkCause(link, `mapping ${m.frontPort} → ${m.targetPort}`),
      links: [link.id], settings: [`nodes[${lb.id}].mappings`],
      ...(m.targetPort === routedWeb ? { note: TLS_ROUTING_L7_NOTE } : {}),
    });
  }
};
