/** Load balancer → backends (reference §3.6): one flow per mapping whose target port the backend opens. */
import { flowTemplate } from '../../catalog/index.ts';
import type { PlanNode } from '../../schema/index.ts';
import type { Ctx } from '../context.ts';
import { linkCause } from '../run.ts';
import type { Handler } from '../run.ts';
import { authPort } from './control-plane.ts';
import { relayBackendPorts } from './relay.ts';

/** Ports a backend opens (Proxy listeners, or the Auth port). */
export function backendPorts(ctx: Ctx, node: PlanNode): Set<number> {
  if (node.kind === 'auth') return new Set([authPort(node)]);
  if (node.kind === 'relay') return new Set(relayBackendPorts(node));
  const info = ctx.proxies.get(node.id);
  return new Set(info ? [...info.listeners.values()].map((l) => l.port) : []);
}

/** lb — proxy / lb — auth / lb — relay (backend). */
export const lbBackend: Handler = (run, link, lb, backend) => {
  if (lb.kind !== 'load-balancer') return;
  const open = backendPorts(run.ctx, backend);
  const template = flowTemplate('lb-backend');
  const mappings = [...lb.mappings].sort((a, b) => a.frontPort - b.frontPort || a.targetPort - b.targetPort);
  for (const m of mappings) {
    if (!open.has(m.targetPort)) continue;
    run.sink.add({
      from: lb.id, to: backend.id, port: m.targetPort, template,
      purpose: `${lb.name} forwards ${m.frontPort} → ${m.targetPort} to ${backend.name}`,
      cause: linkCause(link, `mapping ${m.frontPort} → ${m.targetPort}`),
      links: [link.id], settings: [`nodes[${lb.id}].mappings`],
    });
  }
};
