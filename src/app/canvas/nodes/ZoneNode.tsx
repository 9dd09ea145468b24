/** A network zone: a resizable group. Members are React Flow children (`parentId`), so they move with it. */
import { memo } from 'react';
import { NodeResizer } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { ZoneFlowNode } from '../adapter.ts';
import { Icon } from '../icons.tsx';
import { beginGesture, endGesture } from '../../store/history.ts';
import { resizingZone } from '../resizing.ts';

function ZoneNodeView({ id, data, selected }: NodeProps<ZoneFlowNode>) {
  const { zone, highlighted } = data;
  return (
    <div className={`pl-zone pl-zone--${zone.kind}${selected ? ' is-selected' : ''}${highlighted ? ' is-highlighted' : ''}`} data-testid={`zone.${zone.id}`}>
      <NodeResizer
        isVisible={selected}
        minWidth={160}
        minHeight={100}
        lineClassName="pl-zone__resize-line"
        handleClassName="pl-zone__resize-handle"
        onResizeStart={() => {
          resizingZone.current = id;
          beginGesture();
        }}
        onResizeEnd={() => {
          resizingZone.current = null;
          endGesture();
        }}
      />
      <div className="pl-zone__header">
        <Icon name={zone.kind === 'internet' ? 'internet' : 'zone'} size={15} />
        <span className="pl-zone__name">{zone.name}</span>
        <span className="pl-zone__kind">{zone.kind}</span>
      </div>
      {zone.cidrs.length > 0 ? <div className="pl-zone__cidrs">{zone.cidrs.join('  ')}</div> : null}
    </div>
  );
}

export const ZoneNode = memo(ZoneNodeView);
ZoneNode.displayName = 'ZoneNode';
