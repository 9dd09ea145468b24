/**
 * The Auto-layout command. ELK (~450 KB gzip) is loaded on first use with a dynamic `import()`, so it is not
 * part of the JavaScript loaded before first paint. The bundled build runs ELK in this thread: fine for
 * plans of a few hundred nodes, and no worker file to serve. The result goes in as ONE undo step.
 */
import { create } from 'zustand';
import type { ELK } from 'elkjs/lib/elk-api';
import type * as Graph from './graph.ts';
import { canvasApi, sizeOf } from '../commands.ts';
import { derivedFor } from '../store/derived.ts';
import { inGesture } from '../store/history.ts';
import { useAppStore } from '../store/index.ts';

/** Whether a layout is running (the toolbar button shows progress and refuses a second press). */
export const useLayoutStatus = create<{ running: boolean }>(() => ({ running: false }));

let loaded: Promise<{ elk: ELK; graph: typeof Graph }> | null = null;

/** ELK and the plan ⇄ graph conversion, both loaded on first use. */
function load(): Promise<{ elk: ELK; graph: typeof Graph }> {
  loaded ??= Promise.all([import('elkjs/lib/elk.bundled.js'), import('./graph.ts')]).then(([m, graph]) => ({ elk: new m.default(), graph }));
  loaded.catch(() => {
    loaded = null; // let the next press try again (e.g. a chunk that failed to load)
  });
  return loaded;
}

/** `done`: the message once laid out (the button's, unless the layout was started for the user). */
export async function autoLayout(done = 'Laid out by zone, left to right (undo with Ctrl+Z).'): Promise<boolean> {
  if (useLayoutStatus.getState().running) return false;
  const store = useAppStore.getState();
  const plan = store.plan;
  if (plan.nodes.length === 0 && plan.zones.length === 0) {
    store.toast('Nothing to lay out: the plan is empty.');
    return false;
  }
  useLayoutStatus.setState({ running: true });
  try {
    const { elk, graph } = await load();
    const laid = await elk.layout(graph.toElkGraph({ plan, links: derivedFor(plan).links, sizeOf }));
    const now = useAppStore.getState();
    // The plan may have been edited while ELK ran: a layout for other zones and nodes would not fit.
    if (!graph.sameElements(plan, now.plan) || inGesture()) {
      now.toast('The plan changed during the layout; press Auto-layout again.', 'error');
      return false;
    }
    const layout = graph.fromElkGraph(laid, new Set(plan.zones.map((z) => z.id)), graph.drawingOrigin(plan));
    now.editPlan((p) => graph.applyLayout(p, layout));
    now.toast(done, 'success');
    setTimeout(() => canvasApi.current?.fitView(), 30);
    return true;
  } catch (error) {
    useAppStore.getState().toast(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    return false;
  } finally {
    useLayoutStatus.setState({ running: false });
  }
}
