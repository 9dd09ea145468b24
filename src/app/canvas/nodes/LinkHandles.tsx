/**
 * Connection handles of a card, kept cheap because a plan may hold a thousand cards:
 * - every card has one invisible *anchor* handle. React Flow draws a link only between nodes that have a
 *   handle, and while a link is being drawn the anchor covers the card and a 14 px margin around it, so
 *   dropping anywhere on a card, or just short of it, links to it (the card under the pointer is
 *   outlined, see `canvas.css`);
 * - the four *grips* on the sides, from which a link is drawn (drag, or click one grip and then another),
 *   exist only while the card is hovered or is the only one selected.
 * Both are pointer targets only (hidden from assistive tech): keyboard users link nodes with the
 * inspector's "Connect to…" action instead.
 *
 * React Flow's `<Handle>` subscribes twice to its store, and each subscription runs on every store change:
 * four per card made a 1,000-node plan create, measure and update 4,000 handles, and every frame of a drag
 * ran 4,000 selectors. These handles subscribe to nothing. They carry the classes and data attributes by
 * which React Flow measures handles and finds the one under the pointer, and start a connection the way
 * `<Handle>` does (xyflow's `packages/react/src/components/Handle/index.tsx`), reading the store when the
 * pointer goes down.
 */
import { useLayoutEffect, useRef } from 'react';
import { Position, useNodeId, useStoreApi } from '@xyflow/react';
import type { Connection, ReactFlowState } from '@xyflow/react';
import { XYHandle } from '@xyflow/system';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

type Store = ReturnType<typeof useStoreApi>;
type HandleEvent = React.MouseEvent<HTMLDivElement> | React.TouchEvent<HTMLDivElement>;
type OnPointerDownParams = Parameters<typeof XYHandle.onPointerDown>[1];

/** The handles' type (a grip starts links, in "loose" mode any handle ends them). */
const TYPE = 'source';

/** Start drawing a link from a grip (what `<Handle>`'s pointer-down does). */
function startConnection(store: Store, event: HandleEvent, nodeId: string, handleId: string): void {
  const native = event.nativeEvent;
  if ('button' in native && native.button !== 0) return;
  const s: ReactFlowState = store.getState();
  const params: OnPointerDownParams = {
    handleDomNode: event.currentTarget,
    autoPanOnConnect: s.autoPanOnConnect,
    connectionMode: s.connectionMode,
    connectionRadius: s.connectionRadius,
    domNode: s.domNode,
    nodeLookup: s.nodeLookup,
    lib: s.lib,
    isTarget: false,
    handleId,
    nodeId,
    flowId: s.rfId,
    panBy: s.panBy,
    cancelConnection: s.cancelConnection,
    onConnectStart: s.onConnectStart,
    onConnectEnd: (...args) => store.getState().onConnectEnd?.(...args),
    updateConnection: s.updateConnection,
    onConnect: (connection: Connection) => store.getState().onConnect?.(connection),
    isValidConnection: (edge) => store.getState().isValidConnection?.(edge) ?? true,
    getTransform: () => store.getState().transform,
    getFromHandle: () => store.getState().connection.fromHandle,
    autoPanSpeed: s.autoPanSpeed,
    dragThreshold: s.connectionDragThreshold,
  };
  XYHandle.onPointerDown(native, params);
}

/** Click one grip, then a grip of another card: the link is drawn (what `<Handle>`'s click does). */
function clickConnect(store: Store, event: React.MouseEvent<HTMLDivElement>, nodeId: string, handleId: string): void {
  const s: ReactFlowState = store.getState();
  if (!s.connectOnClick) return;
  const start = s.connectionClickStartHandle;
  if (!start) {
    s.onClickConnectStart?.(event.nativeEvent, { nodeId, handleId, handleType: TYPE });
    store.setState({ connectionClickStartHandle: { nodeId, type: TYPE, id: handleId } });
    return;
  }
  const root = event.currentTarget.getRootNode();
  const { connection, isValid } = XYHandle.isValid(event.nativeEvent, {
    handle: { nodeId, id: handleId, type: TYPE },
    connectionMode: s.connectionMode,
    fromNodeId: start.nodeId,
    fromHandleId: start.id ?? null,
    fromType: start.type,
    isValidConnection: (edge) => s.isValidConnection?.(edge) ?? true,
    flowId: s.rfId,
    doc: root instanceof Document || root instanceof ShadowRoot ? root : document,
    lib: s.lib,
    nodeLookup: s.nodeLookup,
  });
  if (isValid && connection) s.onConnect?.(connection);
  store.setState({ connectionClickStartHandle: null });
}

/** The classes and data attributes by which React Flow measures a handle and matches it under the pointer. */
function handleProps(store: Store, nodeId: string, handleId: string, position: Position, className: string) {
  const { rfId, noPanClassName } = store.getState();
  return {
    'data-handleid': handleId,
    'data-nodeid': nodeId,
    'data-handlepos': position,
    'data-id': `${rfId}-${nodeId}-${handleId}-${TYPE}`,
    className: `react-flow__handle react-flow__handle-${position} nodrag ${noPanClassName} ${className} ${TYPE} connectable connectablestart connectableend connectionindicator`,
    'aria-hidden': true,
  } as const;
}

/**
 * Cards whose grips came or went, measured together before the next frame: selecting every card of a
 * large plan measures them in one store update, not one update (waking every subscriber) per card.
 * (React commits the cards' updates in several passes, so a microtask would see one card at a time.)
 */
const toMeasure = new Map<string, Store>();

function measureLater(store: Store, nodeId: string): void {
  if (toMeasure.size === 0) requestAnimationFrame(measureQueued);
  toMeasure.set(nodeId, store);
}

function measureQueued(): void {
  const byStore = new Map<Store, string[]>();
  for (const [id, store] of toMeasure) byStore.set(store, [...(byStore.get(store) ?? []), id]);
  toMeasure.clear();
  for (const [store, ids] of byStore) {
    const { domNode, updateNodeInternals } = store.getState();
    const updates = new Map<string, { id: string; nodeElement: HTMLDivElement; force: boolean }>();
    for (const id of ids) {
      const nodeElement = domNode?.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      if (nodeElement instanceof HTMLDivElement) updates.set(id, { id, nodeElement, force: true });
    }
    if (updates.size > 0) updateNodeInternals(updates, { triggerFitView: false });
  }
}

export function LinkHandles({ grips }: { grips: boolean }) {
  const nodeId = useNodeId();
  const store = useStoreApi();
  const measuredWithGrips = useRef(false);
  useLayoutEffect(() => {
    // React Flow measures a card's handles when the card first renders, and again here whenever its grips
    // come or go (so a card that mounts selected, after a paste, is measured again with them).
    if (nodeId === null || measuredWithGrips.current === grips) return;
    measuredWithGrips.current = grips;
    measureLater(store, nodeId);
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
              onClick={(e) => clickConnect(store, e, nodeId, side)}
            />
          ))
        : null}
    </>
  );
}
