/** The UI slice: selection, measurements, panels, theme, view, messages. Never part of undo history. */
import type { Viewport } from '@xyflow/react';
import type { GetState, SetState } from './types.ts';

export type ThemePreference = 'system' | 'light' | 'dark';
export type BottomTab = 'rules' | 'findings' | 'trace' | 'compare' | 'assertions';
export type DialogName =
  | 'new-plan'
  | 'shortcuts'
  // Find a node or zone (src/app/dialogs/FindDialog.tsx).
  | 'find'
  // The Export dialog (src/app/export).
  | 'export'
  // Sharing, files, library, templates and imports (src/app/share, files, library, templates, import).
  | 'share'
  | 'incoming'
  | 'plan-error'
  | 'plans'
  | 'templates'
  | 'import'
  | 'conflict'
  | 'storage-error'
  | null;

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

/** A message that offers Ctrl+Z: once the user undoes, it has served and goes. */
const offersUndo = (t: Toast) => t.text.includes('Ctrl+Z');

/** What a selected rule or finding points at on the canvas. */
export interface Highlight {
  /** What asked for it, e.g. `rule:<id>` or `finding:<id>`; the panel row shows as selected. */
  source: string;
  nodes: string[];
  links: string[];
  /**
   * Colour per node or link id (a traced path, what breaks, a plan diff; see src/app/explain), drawn as
   * `is-hl-<tone>`; ids in `nodes`/`links` without a tone keep the plain highlight.
   */
  tones?: { nodes?: Record<string, HighlightTone>; links?: Record<string, HighlightTone> };
  /** Step numbers of the nodes along a traced path, drawn as a badge on the card. */
  steps?: Record<string, number>;
  /**
   * Links that are not in the plan but worth drawing between two of its nodes (a link the compared
   * plan has and this one does not), with their tone. Drawn dashed, not selectable.
   */
  ghosts?: { id: string; source: string; target: string; tone: HighlightTone }[];
}

export type HighlightTone = 'trace' | 'missing' | 'broken' | 'added' | 'removed' | 'changed';

export interface UiSlice {
  /** Selected zone and node ids (React Flow "nodes"). */
  selection: string[];
  /** Selected link ids. */
  edgeSelection: string[];
  /** React Flow's measured sizes, fed back to it on every render (it needs them on controlled nodes). */
  measured: Record<string, { width: number; height: number }>;
  highlight: Highlight | null;
  theme: ThemePreference;
  view: Viewport | null;
  bottomTab: BottomTab;
  bottomOpen: boolean;
  dialog: DialogName;
  toasts: Toast[];
  select: (nodes: string[], edges?: string[]) => void;
  setSelection: (selection: string[], edgeSelection: string[]) => void;
  setMeasured: (sizes: Record<string, { width: number; height: number }>) => void;
  setHighlight: (highlight: Highlight | null) => void;
  setTheme: (theme: ThemePreference) => void;
  setView: (view: Viewport) => void;
  setBottom: (tab: BottomTab, open?: boolean) => void;
  toggleBottom: () => void;
  openDialog: (dialog: DialogName) => void;
  toast: (text: string, tone?: Toast['tone']) => void;
  dismissToast: (id: number) => void;
  /** Remove the messages that offered an undo (called after an undo). */
  dismissUndoHints: () => void;
}

let toastSeq = 0;
const TOAST_MS = { info: 4000, success: 3000, error: 7000 } as const;

export function createUiSlice(init: { theme: ThemePreference; view: Viewport | null }) {
  return (set: SetState, get: GetState): UiSlice => ({
    selection: [],
    edgeSelection: [],
    measured: {},
    highlight: null,
    theme: init.theme,
    view: init.view,
    bottomTab: 'rules',
    bottomOpen: true,
    dialog: null,
    toasts: [],
    select: (nodes, edges = []) => set({ selection: nodes, edgeSelection: edges }),
    setSelection: (selection, edgeSelection) => set({ selection, edgeSelection }),
    setMeasured: (sizes) => set({ measured: { ...get().measured, ...sizes } }),
    setHighlight: (highlight) => set({ highlight }),
    setTheme: (theme) => set({ theme }),
    setView: (view) => set({ view }),
    setBottom: (tab, open = true) => set({ bottomTab: tab, bottomOpen: open }),
    toggleBottom: () => set({ bottomOpen: !get().bottomOpen }),
    openDialog: (dialog) => set({ dialog }),
    toast: (text, tone = 'info') => {
      const id = ++toastSeq;
      // Same text twice in a row: keep one message, not a stack of copies.
      set({ toasts: [...get().toasts.filter((t) => t.text !== text), { id, tone, text }].slice(-4) });
      setTimeout(() => get().dismissToast(id), TOAST_MS[tone]);
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    dismissUndoHints: () => {
      if (get().toasts.some(offersUndo)) set({ toasts: get().toasts.filter((t) => !offersUndo(t)) });
    },
  });
}
