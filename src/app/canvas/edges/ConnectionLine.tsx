/**
 * The line shown while a link is being drawn, drawn like the links it makes: from the border of the card
 * it starts on to the border of the card under the pointer (the one it will link to, with an arrowhead),
 * else to the pointer. React Flow's own line runs from the grip to the anchor handle's top centre.
 */
import type { ConnectionLineComponentProps } from '@xyflow/react';
import type { FlowNode } from '../adapter.ts';
import { exitTowards, floatingEndpoints } from './floating.ts';
import { arrowPath } from './LinkEdge.tsx';

export function ConnectionLine({ fromNode, toNode, toX, toY, connectionStatus }: ConnectionLineComponentProps<FlowNode>) {
  const target = toNode !== null && toNode.id !== fromNode.id ? toNode : null;
  let sx: number;
  let sy: number;
  let tx = toX;
  let ty = toY;
  if (target) ({ sx, sy, tx, ty } = floatingEndpoints(fromNode, target));
  else ({ x: sx, y: sy } = exitTowards(fromNode, { x: toX, y: toY }));
  return (
    <g className={`pl-connection-line${connectionStatus === 'invalid' ? ' is-invalid' : ''}`} data-testid="connection-line">
      <path className="react-flow__connection-path" d={`M ${sx} ${sy} L ${tx} ${ty}`} />
      {target ? <path className="pl-connection-line__arrow" d={arrowPath(sx, sy, tx, ty)} /> : null}
    </g>
  );
}
