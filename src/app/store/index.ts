/**
 * The app store: one zustand store made of typed slices (document + UI), with zundo history on the plan only.
 *
 * History policy (one gesture = one undo step):
 * - only the plan is tracked (`partialize`), and a state counts as new only when the plan object changed
 *   (`equality`), so selection, measurements, view and messages never make steps;
 * - gestures that update the plan many times (a drag, a resize, typing in a field) run between
 *   `beginGesture()` and `endGesture()`: history is paused meanwhile and the plan from before the gesture is
 *   pushed as one step at the end (see `history.ts`).
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { temporal } from 'zundo';
import type { TemporalState } from 'zundo';
import { useStore as useZustandStore } from 'zustand';
import type { Plan } from '../../core/schema/index.ts';
import { createDocumentSlice } from './documentSlice.ts';
import { loadInitialState } from './persistence.ts';
import type { AppState } from './types.ts';
import { createUiSlice } from './uiSlice.ts';

export type { AppState } from './types.ts';

/** Undo steps kept. */
export const HISTORY_LIMIT = 200;

const initial = loadInitialState();

export const useAppStore = create<AppState>()(
  temporal(
    (set, get) => ({
      ...createDocumentSlice(initial.plan)(set, get),
      ...createUiSlice({ theme: initial.theme, view: initial.view })(set, get),
    }),
    {
      partialize: (state): { plan: Plan } => ({ plan: state.plan }),
      equality: (past, current) => past.plan === current.plan,
      limit: HISTORY_LIMIT,
    },
  ),
);

/** Message to show once the app is up (e.g. the stored plan could not be read). */
export const startupNotice = initial.notice;

export type HistoryState = TemporalState<{ plan: Plan }>;

/** Subscribe to the history (for the undo/redo buttons). */
export function useHistory<T>(selector: (state: HistoryState) => T): T {
  return useZustandStore(useAppStore.temporal, selector);
}

export { useShallow };
