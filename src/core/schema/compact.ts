/**
 * Drop every field whose value equals its schema default. `parsePlan` puts them back, so
 * `parsePlan(compactPlan(p))` gives `p` again. Used for share links, where every byte counts
 * (a Proxy node carries eight default lists, for instance).
 */
import type { Plan } from './types.ts';
import { defOf, unwrap } from './introspect.ts';
import type { Schema } from './introspect.ts';
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

function compactValue(value: unknown, schema: Schema): unknown {
  const def = defOf(unwrap(schema).inner);
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    return value.map((item) => compactValue(item, element));
  }
  if (def.type === 'union' && def.discriminator !== undefined && typeof value === 'object' && value !== null) {
    const key = def.discriminator;
    const tag = (value as Record<string, unknown>)[key];
    const option = (def.options ?? []).find((o) => {
      const lit = defOf(unwrap(o).inner).shape?.[key];
      return lit !== undefined && defOf(lit).type === 'literal' && (defOf(lit).values ?? []).includes(tag);
    });
    return option ? compactValue(value, option) : value;
  }
  if (def.type === 'object' && def.shape && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const shape = def.shape;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const field = shape[k];
      if (v === undefined) continue;
      if (!field) {
        out[k] = v;
        continue;
      }
      const fieldDef = defOf(field);
      if (fieldDef.type === 'default' && deepEqual(v, fieldDef.defaultValue)) continue;
      out[k] = compactValue(v, field);
    }
    return out;
  }
  return value;
}

export function compactPlan(plan: Plan): Record<string, unknown> {
  return compactValue(plan, PlanV1Shape) as Record<string, unknown>;
}
