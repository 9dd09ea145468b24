/** State shared by the families during one derive run. */
import type { RelationId } from '../catalog/index.ts';
import type { Link, PlanNode } from '../schema/index.ts';
import type { Ctx } from './context.ts';
import type { Observations } from './observations.ts';
import type { Classification } from './relations.ts';
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
  /** Classification of each link, index for index with `ctx.sortedLinks`. */
  classes: readonly Classification[];
  /** Built on first use by `entriesOf`. */
  entries?: Map<string, EntryRef[]>;
}

/** Relations whose listener is an entry into the cluster for the initiator. */
const ENTRY_RELATIONS: ReadonlySet<RelationId> = new Set<RelationId>(['client-entry', 'agent-tunnel', 'tbot-proxy', 'forward-proxy-egress']);

const NO_ENTRIES: readonly EntryRef[] = [];

/**
 * The Proxy/LB entries a node is directly linked to (client, agent, tbot, http-proxy egress). Only a
 * few families ask (forward proxies, Cloud users, discovered VMs), so the index is built on demand.
 */
export function entriesOf(run: Run, id: string): readonly EntryRef[] {
  if (!run.entries) {
    const index = new Map<string, EntryRef[]>();
    const links = run.ctx.sortedLinks;
    for (let i = 0; i < links.length; i++) {
      const c = run.classes[i];
      if (!c?.ok || !ENTRY_RELATIONS.has(c.relation.id)) continue;
      const entry = entryOf(c.listener);
      if (!entry) continue;
      const ref = { entry, link: (links[i] as Link).id };
      const list = index.get(c.initiator.id);
      if (list) list.push(ref);
      else index.set(c.initiator.id, [ref]);
    }
    run.entries = index;
  }
  return run.entries.get(id) ?? NO_ENTRIES;
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
