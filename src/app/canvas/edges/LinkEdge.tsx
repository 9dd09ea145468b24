/**
 * A plan link. The engine's `LinkInfo` decides direction (the adapter already set source = initiator),
 * the label (`443/tcp reverse tunnel`) and whether the link is refused (dashed red, reason as title).
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getStraightPath, useInternalNode } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import type { LinkFlowEdge } from '../adapter.ts';
import { useAppStore } from '../../store/index.ts';
import { floatingEndpoints } from './floating.ts';

function LinkEdgeView({ id, source, target, data, selected, markerEnd }: EdgeProps<LinkFlowEdge>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode || !data) return null;
  const { sx, sy, tx, ty } = floatingEndpoints(sourceNode, targetNode);
  const [path, labelX, labelY] = getStraightPath({ sourceX: sx, sourceY: sy, targetX: tx, targetY: ty });
  const info = data.info;
  const refused = info !== null && !info.ok;
  const label = refused ? 'refused' : (info?.label ?? '');
  const title = refused ? (info.reason ?? 'The engine could not give this link a meaning.') : info?.label || `${data.link.source} – ${data.link.target}`;
  const classes = ['pl-edge', refused ? 'is-refused' : '', selected ? 'is-selected' : '', data.highlighted ? 'is-highlighted' : '', data.tone ? `is-hl-${data.tone}` : ''].filter(Boolean).join(' ');
  return (
    <g className={classes} data-testid={`edge.${id}`} data-from={source} data-to={target}>
      <title>{title}</title>
      <BaseEdge id={id} path={path} {...(markerEnd ? { markerEnd } : {})} interactionWidth={16} />
      {label ? (
        <EdgeLabelRenderer>
          <div
            className={`pl-edge-label nodrag nopan${refused ? ' is-refused' : ''}${selected || data.highlighted ? ' is-active' : ''}${data.tone ? ` is-hl-${data.tone}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px) scale(var(--pl-label-scale, 1))` }}
            title={title}
            onClick={() => useAppStore.getState().select([], [id])}
            data-testid={`edge.${id}.label`}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </g>
  );
}

export const LinkEdge = memo(LinkEdgeView);
LinkEdge.displayName = 'LinkEdge';
