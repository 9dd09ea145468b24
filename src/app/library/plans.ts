/** Small pure helpers about plans as documents: comparing, naming, counting, saying when. */
import type { Viewport } from '@xyflow/react';
import type { Plan } from '../../core/schema/index.ts';

/** The plan without its saved viewport (the view is not part of "the same plan"). */
export function withoutView(plan: Plan): Plan {
  if (!('view' in plan) || plan.view === undefined) return plan;
  const { view: _view, ...rest } = plan;
  return rest as Plan;
}

/** The plan with a viewport attached, as stored in the library and the crash copy. */
export function withView(plan: Plan, view: Viewport | null): Plan {
  const bare = withoutView(plan);
  return view ? { ...bare, view: { x: view.x, y: view.y, zoom: view.zoom } } : bare;
}

/** JSON with object keys sorted, so that two equal plans compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** Same content, ignoring the view and key order. */
export function samePlan(a: Plan, b: Plan): boolean {
  return a === b || stableJson(withoutView(a)) === stableJson(withoutView(b));
}

/** `Corp HA (EU)` → `corp-ha-eu`; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'plan';
}

export function fileNameFor(plan: Plan): string {
  return `${slugify(plan.name)}.portolan.json`;
}

/** What the lists show as the size of a plan. */
export function nodeCount(plan: Plan): number {
  return plan.nodes.length;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** `just now`, `5 minutes ago`, `yesterday`, `on Mar 3, 2026`: how the lists say when. */
export function relativeTime(at: number, now = Date.now()): string {
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return rtf.format(hours, 'hour');
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 7) return rtf.format(days, 'day');
  return `on ${new Date(at).toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric' })}`;
}
