/**
 * Node cards, one component per family (control plane, agent, Machine ID, client, network, resource),
 * each with its own look (see `canvas.css`), an icon, the kind, the name, a detail line and a finding badge.
 */
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { Position, useNodeId, useStoreApi } from '@xyflow/react';
import { XYHandle } from '@xyflow/system';
import type { NodeProps } from '@xyflow/react';
import type { KindFamily } from '../../../core/catalog/kinds.ts';
import { KIND_INFO } from '../../../core/catalog/kinds.ts';
import type { PlanFlowNode } from '../adapter.ts';
import { Icon } from '../icons.tsx';
import { kindLabel, nodeDetail } from '../nodeText.ts';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

type HandleEvent = React.MouseEvent<HTMLDivElement> | React.TouchEvent<HTMLDivElement>;

/** Start drawing a link from a grip, as React Flow's `<Handle>` does (reading its store when the pointer goes down). */
function startConnection(store: ReturnType<typeof useStoreApi>, event: HandleEvent, nodeId: string, handleId: string): void {
  const native = event.nativeEvent;
  if ('button' in native && native.button !== 0) return;
  const s = store.getState();
  XYHandle.onPointerDown(native, {
    handleDomNode: event.currentTarget,
    autoPanOnConnect: s.autoPanOnConnect,
    connectionMode: s.connectionMode,
    connectionRadius: s.connectionRadius,
    domNode: s.domNode,
    nodeLookup: s.nodeLookup as never,
    lib: s.lib,
    isTarget: false,
    handleId,
    nodeId,
    flowId: s.rfId,
    panBy: s.panBy,
    cancelConnection: s.cancelConnection,
    onConnectStart: s.onConnectStart,
    onConnectEnd: (...args) => store.getState().onConnectEnd?.(...args),
    updateConnection: s.updateConnection as never,
    onConnect: (connection) => store.getState().onConnect?.(connection),
    isValidConnection: (edge) => store.getState().isValidConnection?.(edge) ?? true,
    getTransform: () => store.getState().transform,
    getFromHandle: () => store.getState().connection.fromHandle,
    autoPanSpeed: s.autoPanSpeed,
    dragThreshold: s.connectionDragThreshold,
  });
}

/** The classes and data attributes by which React Flow measures a handle and matches it under the pointer. */
function handleProps(store: ReturnType<typeof useStoreApi>, nodeId: string, handleId: string, position: Position, className: string) {
  const { rfId, noPanClassName } = store.getState();
  return {
    'data-handleid': handleId,
    'data-nodeid': nodeId,
    'data-handlepos': position,
    'data-id': `${rfId}-${nodeId}-${handleId}-source`,
    className: `react-flow__handle react-flow__handle-${position} nodrag ${noPanClassName} ${className} source connectable connectablestart connectableend connectionindicator`,
    'aria-hidden': true,
  } as const;
}

/**
 * Connection handles, kept cheap because a plan may hold a thousand cards:
 * - every card has one invisible *anchor* handle. React Flow draws a link only between nodes that have a
 *   handle, and while a link is being drawn the anchor covers the card, so dropping anywhere on a card
 *   links to it;
 * - the four *grips* on the sides, from which a link is drawn, exist only while the card is hovered or
 *   selected, and are then measured for that card alone.
 * Neither subscribes to React Flow's store. Its `<Handle>` subscribes twice, and each subscription runs on
 * every store change: four per card made a 1,000-node plan create, measure and update 4,000 handles.
 * The canvas shows the connection state (`is-connecting`, one subscription for all cards).
 */
export function LinkHandles({ grips }: { grips: boolean }) {
  const nodeId = useNodeId();
  const store = useStoreApi();
  const shown = useRef(false);
  useLayoutEffect(() => {
    // Measure the handles React Flow knows for this card when grips come or go (not on first render:
    // React Flow measures every card then).
    if (nodeId === null || shown.current === grips) return;
    shown.current = grips;
    const element = store.getState().domNode?.querySelector(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
    if (element instanceof HTMLDivElement) store.getState().updateNodeInternals(new Map([[nodeId, { id: nodeId, nodeElement: element, force: true }]]), { triggerFitView: false });
  }, [grips, nodeId, store]);
  if (nodeId === null) return null;
  return (
    <>
      <div {...handleProps(store, nodeId, 'anchor', Position.Top, 'pl-anchor')} />
      {grips
        ? SIDES.map((side) => (
            <div
              key={side}
              {...handleProps(store, nodeId, side, side, 'pl-handle')}
              onMouseDown={(e) => startConnection(store, e, nodeId, side)}
              onTouchStart={(e) => startConnection(store, e, nodeId, side)}
            />
          ))
        : null}
    </>
  );
}

/**
 * A press on a card (not on a handle) captures the pointer, so that the moves of a drag go straight to the
 * card instead of being hit-tested against every element of the canvas (several milliseconds a move on a
 * 500-node plan, where a move has about 16 to fit in).
 */
function capturePointer(event: React.PointerEvent<HTMLDivElement>): void {
  if (event.button !== 0 || (event.target as Element).closest('.react-flow__handle')) return;
  event.currentTarget.setPointerCapture(event.pointerId);
}

function PlanNodeCard({ data, selected, family }: NodeProps<PlanFlowNode> & { family: KindFamily }) {
  const { node, findings, worst, highlighted, tone, step } = data;
  const [hovered, setHovered] = useState(false);
  const detail = nodeDetail(node);
  const classes = ['pl-node', `pl-node--${family}`, selected ? 'is-selected' : '', highlighted ? 'is-highlighted' : '', tone ? `is-hl-${tone}` : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`node.${node.id}`} title={KIND_INFO[node.kind].hint} onPointerDown={capturePointer} onPointerEnter={() => setHovered(true)} onPointerLeave={() => setHovered(false)}>
      <LinkHandles grips={hovered || selected} />
      {step !== null ? (
        <span className="pl-node__step" data-testid={`node.${node.id}.step`} aria-label={`Step ${step} of the traced path`}>
          {step}
        </span>
      ) : null}
      <div className="pl-node__icon">
        <Icon name={node.kind} size={20} />
      </div>
      <div className="pl-node__text">
        <div className="pl-node__kind">{kindLabel(node)}</div>
        <div className="pl-node__name">{node.name}</div>
        {detail ? <div className="pl-node__detail">{detail}</div> : null}
      </div>
      {findings > 0 ? (
        <span className={`pl-badge pl-badge--${worst ?? 'info'}`} data-testid={`node.${node.id}.findings`} aria-label={`${findings} finding${findings === 1 ? '' : 's'}`}>
          {findings}
        </span>
      ) : null}
    </div>
  );
}

export const ControlPlaneNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="control-plane" />);
export const AgentNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="agent" />);
export const MachineIdNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="machine-id" />);
export const ClientNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="client" />);
export const NetworkNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="network" />);
export const ResourceNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="resource" />);
ControlPlaneNode.displayName = 'ControlPlaneNode';
AgentNode.displayName = 'AgentNode';
MachineIdNode.displayName = 'MachineIdNode';
ClientNode.displayName = 'ClientNode';
NetworkNode.displayName = 'NetworkNode';
ResourceNode.displayName = 'ResourceNode';
