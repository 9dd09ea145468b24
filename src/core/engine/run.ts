/** State shared by the families during one derive run. */
import type { Link, PlanNode } from '../schema/index.ts';
import type { Ctx } from './context.ts';
import type { Observations } from './observations.ts';
import type { Entry } from './reach.ts';
import type { FlowSink } from './sink.ts';

/** An entry into a cluster reached through a plan link. */
export interface EntryRef {
  entry: Entry;
  link: string;
}

/** One derive run. */
export interface Run {
  ctx: Ctx;
  sink: FlowSink;
  obs: Observations;
  /** Node id → Proxy/LB entries it is directly linked to (client, agent, tbot, http-proxy egress). */
  entries: Map<string, EntryRef[]>;
}

/** A relation handler: emits the flows a link means. */
export type Handler = (run: Run, link: Link, initiator: PlanNode, listener: PlanNode) => void;

/** A Proxy or load-balancer node as an entry (undefined for other kinds). */
export function entryOf(node: PlanNode): Entry | undefined {
  if (node.kind === 'proxy') return { kind: 'proxy', node };
  if (node.kind === 'load-balancer') return { kind: 'lb', node };
  return undefined;
}

/** `link a — b` with ids, for causes. */
export function linkCause(link: Link, extra?: string): string {
  return `link ${link.source} — ${link.target}${extra ? `; ${extra}` : ''}`;
}
