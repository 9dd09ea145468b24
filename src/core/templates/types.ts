import type { Plan } from '../schema/index.ts';

/** One entry of the templates gallery. */
export interface Template {
  /** Stable, slug-like id (used in URLs, test ids and the CLI). */
  id: string;
  /** Short title shown in the gallery. */
  name: string;
  /** One or two sentences: what the template shows and when to start from it. */
  description: string;
  /** A fresh, validated copy of the template's plan (callers may mutate it). */
  plan(): Plan;
}
