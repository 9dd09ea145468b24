/** Debounced autosave of plan + view, flushed when the page is hidden so a reload loses nothing. */
import { canvasApi } from '../commands.ts';
import { useAppStore } from './index.ts';
import { savePlan, saveTheme } from './persistence.ts';

const DEBOUNCE_MS = 400;

export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const { plan, view } = useAppStore.getState();
    savePlan(plan, view);
  };
  const unsubscribe = useAppStore.subscribe((state, prev) => {
    if (state.theme !== prev.theme) saveTheme(state.theme);
    if (state.plan === prev.plan && state.view === prev.view) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  const onHide = () => {
    // The view may have changed without a "move end" (e.g. the initial fit): take the live one.
    const live = canvasApi.current?.getViewport();
    const { view } = useAppStore.getState();
    if (live && (!view || live.x !== view.x || live.y !== view.y || live.zoom !== view.zoom)) useAppStore.getState().setView(live);
    flush();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
  };
}
