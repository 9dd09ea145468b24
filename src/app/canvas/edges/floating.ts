/**
 * Floating edges: a link runs from border to border along the line between the two node centres, so it
 * looks right whichever handle was used and whichever way the engine says the connection goes.
 * Geometry after React Flow's "floating edges" example (https://reactflow.dev/examples/edges/floating-edges).
 */
import type { InternalNode, XYPosition } from '@xyflow/react';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function box(node: InternalNode): Box {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, w: node.measured.width ?? 0, h: node.measured.height ?? 0 };
}

/** Where the line from the centre of `a` towards the centre of `b` leaves `a`'s rectangle. */
function exitPoint(a: Box, b: Box): XYPosition {
  const w = a.w / 2;
  const h = a.h / 2;
  const cx = a.x + w;
  const cy = a.y + h;
  const tx = b.x + b.w / 2;
  const ty = b.y + b.h / 2;
  if (w === 0 || h === 0) return { x: cx, y: cy };
  const xx1 = (tx - cx) / (2 * w) - (ty - cy) / (2 * h);
  const yy1 = (tx - cx) / (2 * w) + (ty - cy) / (2 * h);
  const sum = Math.abs(xx1) + Math.abs(yy1);
  if (sum === 0) return { x: cx, y: cy };
  const a1 = 1 / sum;
  const xx3 = a1 * xx1;
  const yy3 = a1 * yy1;
  return { x: w * (xx3 + yy3) + cx, y: h * (-xx3 + yy3) + cy };
}

export function floatingEndpoints(source: InternalNode, target: InternalNode): { sx: number; sy: number; tx: number; ty: number } {
  const s = box(source);
  const t = box(target);
  const from = exitPoint(s, t);
  const to = exitPoint(t, s);
  return { sx: from.x, sy: from.y, tx: to.x, ty: to.y };
}

/** Where the line from the centre of `source` towards `point` leaves `source`'s rectangle. */
export function exitTowards(source: InternalNode, point: XYPosition): XYPosition {
  return exitPoint(box(source), { x: point.x, y: point.y, w: 0, h: 0 });
}
