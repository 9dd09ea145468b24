/**
 * What the plan library knows in this tab: which record the open plan is, the revision it was last saved
 * as, the list for the Plans sheet, and the problems to show (a conflict with another tab, a full disk).
 * The plan itself stays in the app store; this is only its bookkeeping.
 */
import { create } from 'zustand';
import type { Viewport } from '@xyflow/react';
import type { Plan } from '../../core/schema/index.ts';
import { canvasApi } from '../commands.ts';
import { resetGestures } from '../store/history.ts';
import { useAppStore } from '../store/index.ts';
import { savePlan } from '../store/persistence.ts';
import type { LibraryDb, PlanRecord, PlanSummary } from './db.ts';
import { WORKING_PREFIX } from './crashCopy.ts';
import { withoutView } from './plans.ts';
import type { Unreadable } from './unreadable.ts';

export interface LibraryState {
  status: 'starting' | 'ready' | 'unavailable';
  /** Why the library cannot be used (IndexedDB blocked or missing). */
  unavailableReason: string | null;
  currentId: string | null;
  plans: PlanSummary[];
  lastSavedAt: number | null;
  /** Another tab saved this plan while this tab had unsaved changes. */
  /** `unreadable`: the other tab's version fails the parse door (a newer release saved it), so it cannot be loaded here. */
  conflict: { theirs: PlanRecord; unreadable?: string } | null;
  /** The last save failed (storage full or another storage error). */
  storageError: { message: string; quota: boolean } | null;
  /** A deletion that can still be undone. */
  deleted: { record: PlanRecord; wasCurrent: boolean } | null;
  /** What is kept but cannot be opened (Plans → Unreadable copies), as last looked up. */
  unreadable: Unreadable[];
}

export const useLibrary = create<LibraryState>(() => ({
  status: 'starting',
  unavailableReason: null,
  currentId: null,
  plans: [],
  lastSavedAt: null,
  conflict: null,
  storageError: null,
  deleted: null,
  unreadable: [],
}));

/** Mutable bookkeeping that no component renders. */
export const session = {
  db: null as LibraryDb | null,
  /** Revision of the current record this tab's plan is based on (last loaded or saved). */
  base: 0,
  /** The store's plan and view objects at the last save or load: a different object means unsaved edits. */
  savedPlan: null as Plan | null,
  savedView: null as Viewport | null,
  /** Saves run one after another. */
  queue: Promise.resolve() as Promise<unknown>,
  /**
   * A new plan is on screen while its record is being created (see `openAsNew`): until then nothing
   * is saved, so edits made meanwhile never land in the previous plan's record.
   */
  switching: false,
};

/** Id of the plan opened last (in any tab): it comes back on start. */
export const LAST_KEY = 'portolan.library.last';
/** Id of the plan this tab has open (sessionStorage: a reload keeps the tab on its plan). */
export const TAB_KEY = 'portolan.library.tab';

export function readTabPlan(): string | null {
  try {
    return sessionStorage.getItem(TAB_KEY);
  } catch {
    return null;
  }
}

export function writeTabPlan(id: string): void {
  try {
    sessionStorage.setItem(TAB_KEY, id);
  } catch {
    /* no session storage: the last plan opened anywhere comes back instead */
  }
}

/** A crash copy as stored under `WORKING_PREFIX + id`. */
export interface WorkingCopy {
  id: string;
  base: number;
  /** When the changes were made (ms since the epoch); missing in copies from older releases. */
  at?: number;
  plan: unknown;
}

/** localStorage, or null where the browser refuses it. */
export function localStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readLocal(key: string): string | null {
  try {
    return localStore()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Returns false when the write failed (quota, storage disabled). */
export function writeLocal(key: string, value: string | null): boolean {
  try {
    const s = localStore();
    if (!s) return false;
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function readWorking(id: string): WorkingCopy | null {
  const text = readLocal(WORKING_PREFIX + id);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as WorkingCopy;
    return value && value.id === id && typeof value.base === 'number' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Put a plan into the app store as the open document: not an undo step, and the history is cleared,
 * since undo must never carry one library plan's content into another.
 */
export function loadIntoStore(plan: Plan, options: { keepView?: boolean } = {}): void {
  const temporal = useAppStore.temporal.getState();
  const bare = withoutView(plan);
  resetGestures();
  temporal.pause();
  useAppStore.getState().replacePlan(bare);
  if (!options.keepView && plan.view) useAppStore.getState().setView(plan.view);
  temporal.resume();
  temporal.clear();
  const state = useAppStore.getState();
  session.savedPlan = state.plan;
  session.savedView = state.view;
  // Keep the fast-path copy (read synchronously on the next start) in step with the open plan.
  savePlan(state.plan, state.view);
  if (options.keepView) return;
  const view = plan.view;
  setTimeout(() => {
    if (view && canvasApi.current) canvasApi.current.setViewport(view);
    else canvasApi.current?.fitView();
  }, 50);
}
