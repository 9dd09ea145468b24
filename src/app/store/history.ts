/**
 * Undo/redo and gestures. A gesture (drag, resize, typing in one field) may change the plan many times;
 * it must still be a single undo step. zundo records a step per `set`, so during a gesture tracking is
 * paused, and at its end the plan from before the gesture is pushed onto the past by hand.
 * (zundo's `pause`/`resume`: https://github.com/charkour/zundo#pause-and-resume)
 */
import type { Plan } from '../../core/schema/index.ts';
import { HISTORY_LIMIT, useAppStore } from './index.ts';

let depth = 0;
let before: Plan | null = null;

export function beginGesture(): void {
  if (depth++ > 0) return;
  before = useAppStore.getState().plan;
  useAppStore.temporal.getState().pause();
}

export function endGesture(): void {
  if (depth === 0) return;
  if (--depth > 0) return;
  const start = before;
  before = null;
  useAppStore.temporal.getState().resume();
  if (start && start !== useAppStore.getState().plan) {
    useAppStore.temporal.setState((h) => ({
      pastStates: [...h.pastStates, { plan: start }].slice(-HISTORY_LIMIT),
      futureStates: [],
    }));
  }
}

/**
 * Forget any gesture under way: a plan loaded as the open document (library switch, conflict choice)
 * starts a new history, and a gesture begun on the plan it replaces must not push that plan onto it.
 */
export function resetGestures(): void {
  depth = 0;
  before = null;
}

/** True while a gesture is under way (undo is refused then: it would fight the gesture). */
export function inGesture(): boolean {
  return depth > 0;
}

export function undo(): void {
  if (inGesture()) return;
  useAppStore.temporal.getState().undo();
  useAppStore.getState().dismissUndoHints();
}

export function redo(): void {
  if (inGesture()) return;
  useAppStore.temporal.getState().redo();
}
