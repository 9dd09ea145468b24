/**
 * User commands shared by the toolbar, the keyboard, the palette and the canvas. Each command is one
 * undo step at most (it calls `editPlan` once).
 */
import type { Viewport } from '@xyflow/react';
import { paletteItem } from '../core/catalog/kinds.ts';
import { checkLink } from '../core/engine/check-link.ts';
import { examplePlan } from '../core/examples/example-plan.ts';
import type { Plan } from '../core/schema/index.ts';
import { DEFAULT_NODE_SIZE, DEFAULT_ZONE_SIZE, addFromPalette, addLink, copyElements, emptyPlan, findLink, pasteElements, removeElements } from './store/planOps.ts';
import type { Clipboard, Size, XY } from './store/planOps.ts';
import { useAppStore } from './store/index.ts';
import { libraryUsable, openAsNew } from './library/actions.ts';
import { freeSpot, nodeObstacles, zoneObstacles } from './layout/free-spot.ts';
import { clipFromText, clipboardText } from './clipboard.ts';

/** What the canvas lends to commands that need the viewport (set by `Canvas` on init). */
export interface CanvasApi {
  fitView: (nodeIds?: string[]) => void;
  /** Centre of the visible canvas, in flow coordinates. */
  visibleCenter: () => XY;
  /** The live viewport (pan and zoom). */
  getViewport: () => Viewport;
  /** Pan and zoom to a saved viewport. */
  setViewport: (view: Viewport) => void;
  /** Every one of these nodes lies wholly inside the visible canvas. */
  inView: (nodeIds: string[]) => boolean;
}

export const canvasApi: { current: CanvasApi | null } = { current: null };

const get = () => useAppStore.getState();

export function sizeOf(id: string): Size {
  return get().measured[id] ?? DEFAULT_NODE_SIZE;
}

function nameOf(plan: Plan, id: string): string {
  return plan.nodes.find((n) => n.id === id)?.name ?? plan.zones.find((z) => z.id === id)?.name ?? id;
}

/**
 * Add a palette item. `at` is the top-left corner in flow coordinates; without it (click or Enter in the
 * palette) the item goes to the free spot nearest to the middle of the visible canvas: a node covers no
 * other node and no link label, a zone no other zone.
 */
export function addPaletteItem(itemId: string, at?: XY): void {
  const item = paletteItem(itemId);
  if (!item) return;
  const { plan } = get();
  let pos = at;
  if (!pos) {
    const center = canvasApi.current?.visibleCenter() ?? { x: 200, y: 200 };
    const size = item.target.type === 'zone' ? DEFAULT_ZONE_SIZE : DEFAULT_NODE_SIZE;
    const want = { x: center.x - size.width / 2, y: center.y - size.height / 2 };
    pos = freeSpot(want, size, item.target.type === 'zone' ? zoneObstacles(plan) : nodeObstacles(plan, sizeOf));
  }
  const result = addFromPalette(plan, itemId, pos);
  if (result.created.length === 0) return;
  get().editPlan(() => result.plan);
  get().select(result.created);
  get().toast(`Added ${result.created.map((id) => nameOf(result.plan, id)).join(' and ')}.`, 'success');
}

export function deleteSelection(): void {
  const { selection, edgeSelection, plan } = get();
  const ids = [...selection, ...edgeSelection];
  if (ids.length === 0) return;
  get().editPlan((p) => removeElements(p, ids));
  get().select([]);
  const n = ids.length;
  get().toast(n === 1 ? `Deleted ${nameOf(plan, ids[0]!)}. Undo with Ctrl+Z.` : `Deleted ${n} items. Undo with Ctrl+Z.`);
}

export function selectAll(): void {
  const { plan } = get();
  get().select([...plan.zones.map((z) => z.id), ...plan.nodes.map((n) => n.id)], plan.links.map((l) => l.id));
}

let clipboard: Clipboard | null = null;
let pasteCount = 0;

/** Copy the selected zones and nodes; returns the clipboard text (a small plan file), or null. */
export function copySelection(): string | null {
  const { plan, selection } = get();
  const clip = copyElements(plan, selection);
  if (!clip) return null;
  clipboard = clip;
  pasteCount = 0;
  lastPasted = '';
  const n = clip.zones.length + clip.nodes.length;
  get().toast(`Copied ${n} item${n === 1 ? '' : 's'}.`);
  return clipboardText(plan, clip);
}

/**
 * Paste what the system clipboard holds: zones and nodes copied from Portolan (any tab or plan), or
 * a plan file's text. Anything else is refused with the reason, and the plan stays as it is. An
 * empty clipboard (the browser gave none) pastes what was copied in this tab.
 */
export function pasteText(text: string): void {
  if (text.trim() === '') {
    paste();
    return;
  }
  const read = clipFromText(text, get().plan);
  if (!read.ok) {
    get().toast(`Nothing pasted: the clipboard holds no Portolan nodes or zones. ${read.message}`, 'error');
    return;
  }
  // The same copy pasted again lands a step further each time.
  pasteCount = text === lastPasted ? pasteCount + 1 : 1;
  lastPasted = text;
  pasteClip(read.clip, pasteCount);
}

let lastPasted = '';

function pasteClip(clip: Clipboard, offsetSteps: number): void {
  const offset = { x: 32 * offsetSteps, y: 32 * offsetSteps };
  const result = pasteElements(get().plan, clip, offset, sizeOf);
  get().editPlan(() => result.plan);
  get().select(result.created);
}

export function paste(): void {
  if (!clipboard) {
    get().toast('Nothing to paste: copy nodes or zones first (Ctrl+C).');
    return;
  }
  pasteCount += 1;
  pasteClip(clipboard, pasteCount);
}

export function duplicateSelection(): void {
  const { plan, selection } = get();
  const clip = copyElements(plan, selection);
  if (clip) pasteClip(clip, 1);
}

/**
 * Link two nodes if the engine can give the link a meaning; otherwise refuse and say why.
 * Returns the new link id, or null when refused.
 */
export function connectNodes(source: string, target: string): string | null {
  const { plan } = get();
  if (source === target) return null;
  const a = plan.nodes.find((n) => n.id === source);
  const b = plan.nodes.find((n) => n.id === target);
  if (!a || !b) return null;
  if (findLink(plan, source, target)) {
    get().toast(`${a.name} and ${b.name} are already linked.`, 'error');
    return null;
  }
  const check = checkLink(plan, source, target);
  if (!check.ok) {
    get().toast(`Link refused: ${check.reason}`, 'error');
    return null;
  }
  const result = addLink(plan, source, target);
  get().editPlan(() => result.plan);
  get().select([], [result.id]);
  if (check.summary) get().toast(`Linked ${a.name} and ${b.name}: ${check.summary}`, 'success');
  return result.id;
}

/**
 * New plan: an empty plan opens as a new library plan and the current one stays in Plans. When this
 * browser keeps no library (storage blocked), the empty plan would replace the open one: ask first.
 */
export function requestNewPlan(): void {
  // At zoom 1, so that what is dropped lands where it is dropped at its real size.
  if (libraryUsable()) void openAsNew({ ...emptyPlan(), view: { x: 0, y: 0, zoom: 1 } }, 'New plan. Your previous plan is in Plans.');
  else get().openDialog('new-plan');
}

/** Replace the open plan with an empty one, as one undo step (no library: see `requestNewPlan`). */
export function newPlan(): void {
  get().replacePlan(emptyPlan());
  get().setView({ x: 0, y: 0, zoom: 1 });
  get().toast('New plan. Undo (Ctrl+Z) brings the previous one back.');
}

/** The example plan: a new library plan, or in place of the open plan (one undo step) without a library. */
export function openExample(): void {
  if (libraryUsable()) {
    void openAsNew(examplePlan());
    return;
  }
  get().replacePlan(examplePlan());
  setTimeout(() => canvasApi.current?.fitView(), 50);
}

export function fitView(): void {
  canvasApi.current?.fitView();
}

/** Show where some nodes are: select them and bring them into view. */
export function focusNodes(ids: string[]): void {
  const present = presentIds(ids);
  if (present.length === 0) return;
  canvasApi.current?.fitView(present);
}

/** Bring nodes into view only when some of them are off-screen (browsing rules should not jump the canvas). */
export function revealNodes(ids: string[]): void {
  const present = presentIds(ids);
  if (present.length === 0 || canvasApi.current?.inView(present) !== false) return;
  canvasApi.current.fitView(present);
}

function presentIds(ids: string[]): string[] {
  const { plan } = get();
  return ids.filter((id) => plan.nodes.some((n) => n.id === id) || plan.zones.some((z) => z.id === id));
}
