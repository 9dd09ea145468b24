/**
 * The bottom panel's height: dragged by the bar on its top edge (or with the arrow keys when the bar
 * has focus), reset by a double click, and remembered in this browser.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';

export const HEIGHT_KEY = 'portolan.ui.bottom-height';
export const DEFAULT_HEIGHT = 236;
const MIN_HEIGHT = 120;
/** Room always left to the canvas above the panel. */
const CANVAS_MIN = 160;
const KEY_STEP = 24;

function maxHeight(): number {
  return Math.max(MIN_HEIGHT, window.innerHeight - 48 - CANVAS_MIN);
}

function clamp(height: number): number {
  return Math.round(Math.min(maxHeight(), Math.max(MIN_HEIGHT, height)));
}

function stored(): number {
  try {
    const value = Number(localStorage.getItem(HEIGHT_KEY));
    return Number.isFinite(value) && value > 0 ? clamp(value) : DEFAULT_HEIGHT;
  } catch {
    return DEFAULT_HEIGHT;
  }
}

function remember(height: number): void {
  try {
    if (height === DEFAULT_HEIGHT) localStorage.removeItem(HEIGHT_KEY);
    else localStorage.setItem(HEIGHT_KEY, String(height));
  } catch {
    /* storage disabled: the height lasts for this visit */
  }
}

/** The panel height and the props of its resize bar. */
export function useBottomHeight() {
  const [height, setHeight] = useState(stored);
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);

  const set = useCallback((next: number) => {
    const h = clamp(next);
    setHeight(h);
    remember(h);
  }, []);

  // A smaller window keeps the panel from swallowing the canvas.
  useEffect(() => {
    const onResize = () => setHeight((h) => clamp(h));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const bar = {
    role: 'separator',
    'aria-orientation': 'horizontal' as const,
    'aria-label': 'Resize the rules and findings panel',
    'aria-valuenow': height,
    'aria-valuemin': MIN_HEIGHT,
    'aria-valuemax': maxHeight(),
    tabIndex: 0,
    title: 'Drag to resize; double-click for the default height',
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { startY: e.clientY, startHeight: height };
      e.preventDefault();
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      const d = drag.current;
      if (d) setHeight(clamp(d.startHeight + d.startY - e.clientY));
    },
    onPointerUp: (e: PointerEvent<HTMLDivElement>) => {
      const d = drag.current;
      drag.current = null;
      if (d) set(d.startHeight + d.startY - e.clientY);
    },
    // Capture lost (a system gesture, the window losing focus): end the drag where it is.
    onPointerCancel: () => {
      drag.current = null;
    },
    onLostPointerCapture: () => {
      drag.current = null;
    },
    onDoubleClick: () => set(DEFAULT_HEIGHT),
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      const next = e.key === 'ArrowUp' ? height + KEY_STEP : e.key === 'ArrowDown' ? height - KEY_STEP : e.key === 'Home' ? MIN_HEIGHT : e.key === 'End' ? maxHeight() : null;
      if (next === null) return;
      e.preventDefault();
      set(next);
    },
  };
  return { height, bar };
}
