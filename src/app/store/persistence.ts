/**
 * The plan lives in localStorage as you edit. It goes back in through `parsePlan`, the one door for
 * untrusted plans: a stored plan that no longer parses is kept under another key, and the example opens.
 */
import type { Viewport } from '@xyflow/react';
import { examplePlan } from '../../core/examples/example-plan.ts';
import { parsePlan } from '../../core/schema/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import type { ThemePreference } from './uiSlice.ts';

export const PLAN_KEY = 'portolan.plan';
export const UNREADABLE_KEY = 'portolan.plan.unreadable';
export const THEME_KEY = 'portolan.theme';

export interface InitialState {
  plan: Plan;
  view: Viewport | null;
  theme: ThemePreference;
  notice?: string;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Storage disabled (privacy settings): run without persistence.
  }
}

export function loadInitialState(): InitialState {
  const store = storage();
  const themeText = store?.getItem(THEME_KEY);
  const theme: ThemePreference = themeText === 'light' || themeText === 'dark' ? themeText : 'system';
  const text = store?.getItem(PLAN_KEY);
  if (!text) return { plan: examplePlan(), view: null, theme };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const result = parsePlan(value);
  if (result.ok) {
    const { view, ...plan } = result.plan;
    return { plan: plan as Plan, view: view ?? null, theme };
  }
  store?.setItem(UNREADABLE_KEY, text);
  const why = value === undefined ? 'it is not valid JSON' : result.error.message;
  return {
    plan: examplePlan(),
    view: null,
    theme,
    notice: `Your saved plan could not be opened (${why}). It was kept in this browser under "${UNREADABLE_KEY}"; the example plan is open instead.`,
  };
}

/** Write the plan (with the current view) now. */
export function savePlan(plan: Plan, view: Viewport | null): void {
  const doc: Plan = view ? { ...plan, view: { x: view.x, y: view.y, zoom: view.zoom } } : plan;
  try {
    storage()?.setItem(PLAN_KEY, JSON.stringify(doc));
  } catch {
    // Quota exceeded: nothing sensible to do silently; the plan stays in memory.
  }
}

export function saveTheme(theme: ThemePreference): void {
  try {
    if (theme === 'system') storage()?.removeItem(THEME_KEY);
    else storage()?.setItem(THEME_KEY, theme);
  } catch {
    /* ignore */
  }
}
