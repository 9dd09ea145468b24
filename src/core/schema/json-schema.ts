import * as z from 'zod/mini';
import { PlanV1Shape } from './v1.ts';

/**
 * JSON Schema (draft 2020-12) of the current plan format, generated from the zod schema so the two
 * cannot drift. Cross-references (ids that must exist) are checked by `parsePlan` only.
 */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanV1Shape, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: 'https://portolan.dev/schema/plan-v1.json',
    title: 'Portolan plan (format version 1)',
    description: 'A Teleport cluster network plan: clusters, network zones, nodes and links. See docs/plan-format.md.',
    ...schema,
  };
}
