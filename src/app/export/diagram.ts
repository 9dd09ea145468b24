/**
 * PNG and SVG of the canvas with html-to-image (loaded on first use). The picture is React Flow's viewport
 * element (zones, nodes, links, labels) re-framed on the whole plan, so the minimap, the zoom controls and
 * the dotted background, which are siblings of the viewport, are left out.
 *
 * Theme: the picture is taken in the theme on screen (what you see is what you get, and no flash of the
 * other theme while it renders); switch the theme in the toolbar first for the other one.
 * Recipe: https://reactflow.dev/examples/misc/download-image
 */
import { getViewportForBounds } from '@xyflow/react';
import type { Plan } from '../../core/schema/index.ts';
import { sizeOf } from '../commands.ts';
import type { DiagramId } from './formats.ts';

/** Empty space around the plan in the picture, in flow units. */
const MARGIN = 48;
/** Longest side of the picture before the pixel ratio, in CSS pixels. */
const MAX_SIDE = 4000;
/** The picture is never narrower or lower than this (a small plan sits in the middle). */
const MIN_SIZE = { width: 640, height: 400 };

export interface Diagram {
  blob: Blob;
  /** For the preview `<img>` (an object URL: revoke it when done). */
  url: string;
  width: number;
  height: number;
  /** The SVG text, for Copy (PNG copies the image). */
  text?: string;
}

function planBounds(plan: Plan): { x: number; y: number; width: number; height: number } {
  const boxes = [
    ...plan.zones.map((z) => ({ ...z.position, ...z.size })),
    ...plan.nodes.map((n) => ({ ...n.position, ...sizeOf(n.id) })),
  ];
  if (boxes.length === 0) return { x: 0, y: 0, width: MIN_SIZE.width, height: MIN_SIZE.height };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x - MARGIN, y: y - MARGIN, width: right - x + 2 * MARGIN, height: bottom - y + 2 * MARGIN };
}

/** Hand-held parts of the editor that do not belong in a picture of the plan. */
function keep(node: HTMLElement): boolean {
  const cls = node.classList;
  if (!cls) return true;
  return !cls.contains('react-flow__handle') && !cls.contains('react-flow__resize-control') && !cls.contains('react-flow__nodesselection');
}

/** Paint properties that React Flow and our CSS give SVG shapes through style sheets. */
const SVG_PAINT = ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'fill', 'fill-opacity', 'opacity'] as const;

/**
 * html-to-image copies the computed style of HTML elements, but clones an `<svg>` as is, so the links'
 * paths (stroked by a style sheet) would come out invisible. Until the returned undo runs, the live
 * shapes carry their computed paint as presentation attributes (which the style sheet still overrides on
 * screen, so nothing changes there).
 */
function inlineSvgPaint(root: HTMLElement): () => void {
  const saved: [Element, string, string | null][] = [];
  for (const shape of root.querySelectorAll('svg path, svg polyline, svg line, svg circle, svg rect, svg polygon')) {
    const computed = getComputedStyle(shape);
    for (const name of SVG_PAINT) {
      saved.push([shape, name, shape.getAttribute(name)]);
      shape.setAttribute(name, computed.getPropertyValue(name));
    }
  }
  return () => {
    for (const [el, name, value] of saved) {
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
    }
  };
}

export async function renderDiagram(id: DiagramId, plan: Plan): Promise<Diagram> {
  const canvas = document.querySelector<HTMLElement>('.pl-canvas');
  const viewport = canvas?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!canvas || !viewport) throw new Error('the canvas is not on screen');
  const { toBlob, toSvg } = await import('html-to-image');

  const bounds = planBounds(plan);
  const fit = Math.min(1, MAX_SIDE / Math.max(bounds.width, bounds.height));
  const width = Math.round(Math.max(MIN_SIZE.width, bounds.width * fit));
  const height = Math.round(Math.max(MIN_SIZE.height, bounds.height * fit));
  const view = getViewportForBounds(bounds, width, height, 0.05, 1, 0);
  const background = getComputedStyle(canvas).getPropertyValue('--canvas').trim() || '#ffffff';
  const options = {
    width,
    height,
    backgroundColor: background,
    skipFonts: true, // system fonts only; reading the style sheets for @font-face would fetch nothing useful
    filter: keep,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` },
  };

  // Edge labels hide when the screen is zoomed far out, and grow to stay readable: show them at their
  // natural size for the picture (the canvas sets these from its zoom, on the wrapper, outside React).
  const zoomedOut = canvas.classList.contains('is-zoomed-out');
  const labelScale = canvas.style.getPropertyValue('--pl-label-scale');
  canvas.classList.remove('is-zoomed-out');
  canvas.style.setProperty('--pl-label-scale', '1');
  const restorePaint = inlineSvgPaint(viewport);
  try {
    if (id === 'png') {
      const blob = await toBlob(viewport, { ...options, pixelRatio: 2 });
      if (!blob) throw new Error('the browser made no image');
      return { blob, url: URL.createObjectURL(blob), width: width * 2, height: height * 2 };
    }
    const dataUrl = await toSvg(viewport, options);
    const text = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
    const blob = new Blob([text], { type: 'image/svg+xml' });
    return { blob, url: URL.createObjectURL(blob), width, height, text };
  } finally {
    restorePaint();
    if (zoomedOut) canvas.classList.add('is-zoomed-out');
    canvas.style.setProperty('--pl-label-scale', labelScale);
  }
}
