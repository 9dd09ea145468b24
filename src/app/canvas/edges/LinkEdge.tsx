/**
 * A plan link. The engine's `LinkInfo` decides direction (the adapter already set source = initiator),
 * the label (`443/tcp reverse tunnel`) and whether the link is refused (dashed red, reason as title).
 */
import { memo, useContext } from 'react';
import { createPortal } from 'react-dom';
import { BaseEdge, getStraightPath, useInternalNode } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import type { LinkFlowEdge } from '../adapter.ts';
import { useAppStore } from '../../store/index.ts';
import { floatingEndpoints } from './floating.ts';
import { LabelLayer } from './labelLayer.ts';

/** Arrowhead length and half-width, in flow pixels. */
const ARROW = { length: 11, half: 5 };

/**
 * The arrowhead at (tx, ty) pointing away from (sx, sy). Drawn as part of the edge rather than as an
 * SVG marker, so that it takes the colour of its line (selected, highlighted, traced, diffed).
 */
export function arrowPath(sx: number, sy: number, tx: number, ty: number): string {
  const dx = tx - sx;
  const dy = ty - sy;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const bx = tx - ux * ARROW.length;
  const by = ty - uy * ARROW.length;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M ${r(tx)} ${r(ty)} L ${r(bx - uy * ARROW.half)} ${r(by + ux * ARROW.half)} L ${r(bx + uy * ARROW.half)} ${r(by - ux * ARROW.half)} Z`;
}

function LinkEdgeView({ id, source, target, data, selected }: EdgeProps<LinkFlowEdge>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  const labelLayer = useContext(LabelLayer);
  if (!sourceNode || !targetNode || !data) return null;
  const { sx, sy, tx, ty } = floatingEndpoints(sourceNode, targetNode);
  const [path, labelX, labelY] = getStraightPath({ sourceX: sx, sourceY: sy, targetX: tx, targetY: ty });
  const info = data.info;
  const refused = info !== null && !info.ok;
  const label = data.ghost ? 'removed' : refused ? 'refused' : (info?.label ?? '');
  const title = data.ghost
    ? `${data.link.source} – ${data.link.target}: in the compared plan, not in this one`
    : refused
      ? (info.reason ?? 'The engine could not give this link a meaning.')
      : info?.label || `${data.link.source} – ${data.link.target}`;
  const classes = ['pl-edge', refused ? 'is-refused' : '', selected ? 'is-selected' : '', data.highlighted ? 'is-highlighted' : '', data.tone ? `is-hl-${data.tone}` : ''].filter(Boolean).join(' ');
  // Drawn into the label layer (HTML above the SVG of the links), like React Flow's <EdgeLabelRenderer>.
  const labelBox =
    label && labelLayer
      ? createPortal(
          <div
            className={`pl-edge-label nodrag nopan${refused ? ' is-refused' : ''}${selected || data.highlighted ? ' is-active' : ''}${data.tone ? ` is-hl-${data.tone}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px) scale(var(--pl-label-scale, 1))` }}
            title={title}
            onClick={data.ghost ? undefined : () => useAppStore.getState().select([], [id])}
            data-testid={`edge.${id}.label`}
          >
            {label}
          </div>,
          labelLayer,
        )
      : null;
  return (
    <g className={classes} data-testid={`edge.${id}`} data-from={source} data-to={target}>
      <title>{title}</title>
      <BaseEdge id={id} path={path} interactionWidth={16} />
      {refused || !info ? null : <path className="pl-edge__arrow" d={arrowPath(sx, sy, tx, ty)} data-testid={`edge.${id}.arrow`} />}
      {labelBox}
    </g>
  );
}

export const LinkEdge = memo(LinkEdgeView);
LinkEdge.displayName = 'LinkEdge';
