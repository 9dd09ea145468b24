/**
 * Keep the canvas highlight in step with an explain answer: draw it when the answer changes, take it
 * away when the answer goes. Another highlight (a rule or finding the user picked) is left alone until the
 * answer changes again; `redraw` puts the answer back on demand.
 */
import { useCallback, useEffect } from 'react';
import { useAppStore } from '../store/index.ts';
import type { Highlight } from '../store/uiSlice.ts';
import { sameHighlight } from './highlights.ts';

export function useCanvasHighlight(source: string, highlight: Highlight | null): { shown: boolean; redraw: () => void } {
  const current = useAppStore((s) => s.highlight);
  useEffect(() => {
    const s = useAppStore.getState();
    if (highlight) {
      if (!sameHighlight(s.highlight, highlight)) s.setHighlight(highlight);
    } else if (s.highlight?.source === source) {
      s.setHighlight(null);
    }
  }, [highlight, source]);
  const redraw = useCallback(() => {
    if (highlight) useAppStore.getState().setHighlight(highlight);
  }, [highlight]);
  return { shown: highlight !== null && current?.source === source, redraw };
}
