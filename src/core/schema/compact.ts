/**
 * Drop every field whose value equals its schema default. `parsePlan` puts them back, so
 * `parsePlan(compactPlan(p))` gives `p` again. Used for share links, where every byte counts
 * (a Proxy node carries eight default lists, for instance).
 */
import { z } from 'zod';
import type { Plan } from './types.ts';
import { PlanV1Shape } from './v1.ts';

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Remove optional/default wrappers to reach the schema that describes the value's shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    else return s;
  }
}

function compactValue(value: unknown, schema: z.ZodType): unknown {
  const s = unwrap(schema);
  if (s instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item) => compactValue(item, s.element as z.ZodType));
  }
  if (s instanceof z.ZodDiscriminatedUnion && typeof value === 'object' && value !== null) {
    const key = s.def.discriminator;
    const tag = (value as Record<string, unknown>)[key];
    const option = (s.options as z.ZodType[]).find((o) => {
      const shape = (unwrap(o) as z.ZodObject).shape as Record<string, z.ZodType>;
      const lit = shape[key];
      return lit instanceof z.ZodLiteral && lit.values.has(tag as never);
    });
    return option ? compactValue(value, option) : value;
  }
  if (s instanceof z.ZodObject && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const shape = s.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const field = shape[k];
      if (v === undefined) continue;
      if (!field) {
        out[k] = v;
        continue;
      }
      if (field instanceof z.ZodDefault && deepEqual(v, field.def.defaultValue)) continue;
      out[k] = compactValue(v, field);
    }
    return out;
  }
  return value;
}

export function compactPlan(plan: Plan): Record<string, unknown> {
  return compactValue(plan, PlanV1Shape) as Record<string, unknown>;
}
