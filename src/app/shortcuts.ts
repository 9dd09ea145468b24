/**
 * Keyboard shortcuts: one table, used both by the handler and by the shortcut sheet.
 * Shortcuts do not fire while typing in a text field (the field's own undo/redo and delete apply there).
 */
import { copySelection, deleteSelection, duplicateSelection, fitView, pasteText, selectAll } from './commands.ts';
import { redo, undo } from './store/history.ts';
import { autoLayout } from './layout/autoLayout.ts';
import { useAppStore } from './store/index.ts';

export interface Shortcut {
  keys: string[];
  label: string;
}

/** What the sheet shows (`Mod` is Ctrl, or ⌘ on a Mac). */
export const SHORTCUTS: Shortcut[] = [
  { keys: ['Mod+Z'], label: 'Undo' },
  { keys: ['Mod+Shift+Z', 'Ctrl+Y'], label: 'Redo' },
  { keys: ['Delete', 'Backspace'], label: 'Delete the selection' },
  { keys: ['Mod+A'], label: 'Select everything' },
  { keys: ['Shift+click', 'Shift+drag'], label: 'Add to the selection / select an area' },
  { keys: ['Mod+C'], label: 'Copy' },
  { keys: ['Mod+V'], label: 'Paste' },
  { keys: ['Mod+D'], label: 'Duplicate' },
  { keys: ['Arrow keys'], label: 'Move the focused node' },
  { keys: ['Enter'], label: 'In the palette: add the component' },
  { keys: ['↑', '↓', 'Page Up', 'Page Down', 'Home', 'End'], label: 'In the rules table: move between rules (Enter highlights one)' },
  { keys: ['Mod+K', '/'], label: 'Find a node or zone and bring it into view' },
  { keys: ['Shift+1'], label: 'Fit the plan in view' },
  { keys: ['Shift+L'], label: 'Auto-layout: arrange zones and nodes left to right' },
  { keys: ['Mod+E'], label: 'Export rules, configs and diagrams' },
  { keys: ['Mod+S'], label: 'Save the plan as a file' },
  { keys: ['Mod+O'], label: 'Open a plan file' },
  { keys: ['Escape'], label: 'Clear the selection, close dialogs' },
  { keys: ['?'], label: 'Show this sheet' },
];

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function displayKey(key: string): string {
  return key.replace('Mod', IS_MAC ? '⌘' : 'Ctrl');
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type);
  return false;
}

/** The global keydown handler. Returns true when it handled the key. */
export function handleShortcut(event: KeyboardEvent): boolean {
  const state = useAppStore.getState();
  if (event.key === 'Escape') {
    if (state.dialog) return false; // <dialog> closes itself.
    if (isTextEntry(event.target)) return false;
    state.select([]);
    state.setHighlight(null);
    return true;
  }
  // Export works from text fields too (Ctrl+E does nothing useful in a browser text field).
  if ((IS_MAC ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'e' && !state.dialog) {
    return run(() => state.openDialog('export'));
  }
  // Find works from text fields too; inside Find it only keeps the browser's own Ctrl+K away.
  if ((IS_MAC ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
    if (state.dialog === 'find') return true;
    if (!state.dialog) return run(() => state.openDialog('find'));
  }
  if (state.dialog || isTextEntry(event.target)) return false;
  const mod = IS_MAC ? event.metaKey : event.ctrlKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey) {
    if (key === 'z' && event.shiftKey) return run(redo);
    if (key === 'z') return run(undo);
    if (key === 'y' && !event.shiftKey) return run(redo);
    if (key === 'a') return run(selectAll);
    // Copy and paste happen in the browser's copy and paste events (see `onCopy`, `onPaste`), which
    // carry the system clipboard, so the keys are left to the browser. Some browsers fire no such
    // event without a text selection: the keys start a fallback that the event cancels.
    if (key === 'c') {
      copyKey();
      return false;
    }
    if (key === 'v') {
      pasteKey();
      return false;
    }
    if (key === 'd') return run(duplicateSelection);
    return false;
  }
  if (event.ctrlKey && key === 'y') return run(redo);
  if (event.metaKey || event.ctrlKey || event.altKey) return false;
  if (event.key === 'Delete' || event.key === 'Backspace') {
    if (state.selection.length === 0 && state.edgeSelection.length === 0) return false;
    return run(deleteSelection);
  }
  if (event.key === '?') return run(() => state.openDialog('shortcuts'));
  if (event.key === '/') return run(() => state.openDialog('find'));
  if (event.key === '!' && event.shiftKey) return run(fitView);
  if (key === 'l' && event.shiftKey) return run(() => void autoLayout());
  return false;
}

function run(fn: () => void): true {
  fn();
  return true;
}

/** Text copied by the copy key, waiting for the copy event (or written by the fallback). */
let copied: string | null = null;
let pasteFallback: ReturnType<typeof setTimeout> | undefined;

/** Ctrl+C on the canvas: copy now; the copy event puts it on the clipboard, else the Clipboard API does. */
function copyKey(): void {
  if (hasTextSelection()) return;
  const text = copySelection();
  if (text === null) return;
  copied = text;
  setTimeout(() => {
    if (copied !== text) return; // the copy event took it
    copied = null;
    void navigator.clipboard?.writeText(text).catch(() => undefined);
  }, 0);
}

/** Ctrl+V on the canvas: without a paste event soon after, paste what was copied in this tab. */
function pasteKey(): void {
  if (pasteFallback !== undefined) clearTimeout(pasteFallback);
  pasteFallback = setTimeout(() => {
    pasteFallback = undefined;
    pasteText('');
  }, 150);
}

/** The document's copy event: the selected zones and nodes go to the system clipboard as a plan file. */
export function onCopy(event: ClipboardEvent): void {
  const state = useAppStore.getState();
  if (event.defaultPrevented || state.dialog || isTextEntry(event.target) || hasTextSelection()) return;
  // Copied by the key already (one toast), else (a menu's Copy) copied here.
  const text = copied ?? copySelection();
  copied = null;
  if (text === null || !event.clipboardData) return;
  event.clipboardData.setData('text/plain', text);
  event.preventDefault();
}

/** The document's paste event: zones and nodes (or a plan file's text) from the system clipboard. */
export function onPaste(event: ClipboardEvent): void {
  if (pasteFallback !== undefined) {
    clearTimeout(pasteFallback);
    pasteFallback = undefined;
  }
  const state = useAppStore.getState();
  if (event.defaultPrevented || state.dialog || isTextEntry(event.target)) return;
  event.preventDefault();
  const data = event.clipboardData;
  const text = data?.getData('text/plain') ?? '';
  // Something other than text (a picture, a file): say so rather than paste an older copy.
  if (text.trim() === '' && data && data.types.length > 0 && !data.types.includes('text/plain')) {
    state.toast('Nothing pasted: the clipboard holds no text (Portolan pastes nodes and zones copied from a plan).', 'error');
    return;
  }
  pasteText(text);
}

/** Text selected on the page (a rule's purpose, say): Ctrl+C copies that text, as usual. */
function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}
