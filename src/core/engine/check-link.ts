/** `checkLink`: may a link be drawn between two nodes, and what would it mean? */
import type { Plan } from '../schema/index.ts';
import { buildContext } from './context.ts';
import { classify } from './relations.ts';
import type { LinkCheck } from './types.ts';

/**
 * Answer for a link not drawn yet between `sourceId` and `targetId` (either order): the initiator
 * and listener the engine would choose and a one-line summary, or the reason it has no meaning.
 */
export function checkLink(plan: Plan, sourceId: string, targetId: string): LinkCheck {
  if (sourceId === targetId) return { ok: false, reason: 'A node cannot be linked to itself.' };
  const ctx = buildContext(plan);
  const a = ctx.nodes.get(sourceId);
  const b = ctx.nodes.get(targetId);
  if (!a || !b) return { ok: false, reason: `No node with id "${!a ? sourceId : targetId}".` };
  const c = classify(ctx, a, b);
  if (!c.ok) return { ok: false, reason: c.reason };
  return { ok: true, initiator: c.initiator.id, listener: c.listener.id, summary: c.relation.summary };
}
