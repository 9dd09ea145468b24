/**
 * Reading a schema's definition (the `def` that every zod flavour shares), for code that walks the plan
 * schema: share-link compaction (drops values equal to their default) and the inspector's generated forms.
 */
import type * as z from 'zod/mini';

export type Schema = z.core.$ZodType;

/** The parts of a definition the walkers read. */
export interface SchemaDef {
  type: string;
  innerType?: Schema;
  defaultValue?: unknown;
  element?: Schema;
  /** Input side of a pipe. */
  in?: Schema;
  shape?: Record<string, Schema>;
  /** Values of an enum. */
  entries?: Record<string, string>;
  discriminator?: string;
  /** Members of a (discriminated) union. */
  options?: Schema[];
  /** Values of a literal. */
  values?: unknown[];
}

export function defOf(schema: Schema): SchemaDef {
  return schema._zod.def as unknown as SchemaDef;
}

/** The schema under optional/default/nullable/prefault wrappers and pipes, and whether it may be absent. */
export function unwrap(schema: Schema): { inner: Schema; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (;;) {
    const def = defOf(inner);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) {
      if (def.type === 'optional') optional = true;
      inner = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      inner = def.in;
    } else {
      return { inner, optional };
    }
  }
}
