/**
 * The React Flow canvas. Nodes and edges are controlled: built from the plan by the adapter, and every
 * change React Flow reports is turned into a plan edit (moves, resizes) or a UI change (selection, sizes).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, RefObject } from 'react';
import { Background, BackgroundVariant, ConnectionMode, Controls, MiniMap, ReactFlow, useReactFlow, useStore } from '@xyflow/react';
import type { Connection, EdgeChange, Node, NodeChange, OnNodeDrag, ReactFlowState, Viewport } from '@xyflow/react';
import type { LinkInfo } from '../../core/engine/index.ts';
import { addPaletteItem, canvasApi, connectNodes, sizeOf } from '../commands.ts';
import { useResolvedTheme } from '../hooks/useResolvedTheme.ts';
import { findingsByNode, useDerived } from '../store/derived.ts';
import { beginGesture, endGesture, inGesture } from '../store/history.ts';
import { useAppStore, useShallow } from '../store/index.ts';
import { DEFAULT_NODE_SIZE, DEFAULT_ZONE_SIZE, assignZones, moveElements, setZoneBounds } from '../store/planOps.ts';
import type { XY } from '../store/planOps.ts';
import { createAdapter, toAbsolute } from './adapter.ts';
import type { FlowNode, LinkFlowEdge } from './adapter.ts';
import { edgeTypes, nodeTypes } from './nodeTypes.ts';
import { PALETTE_MIME } from './dnd.ts';
import { ConnectionLine } from './edges/ConnectionLine.tsx';
import { LabelLayer } from './edges/labelLayer.ts';
import { resizingZone } from './resizing.ts';
import { paletteItem } from '../../core/catalog/kinds.ts';

const initialView = useAppStore.getState().view;

/** Below this zoom only active edge labels show. */
const ZOOMED_OUT = 0.45;
/**
 * Below this zoom (text under 4 px) cards draw less: name and family colour only, no icon, kind line,
 * detail line or connection handles. Thousands of fewer boxes to paint and hit-test keep dragging in a
 * 500-node plan within one frame.
 */
const FAR = 0.3;

/**
 * Edge labels live in flow coordinates and shrink with the zoom; below 100% they are scaled back up so
 * they stay readable, and when zoomed far out only the active ones show. Written as CSS on the wrapper,
 * so zooming re-renders no edge or card.
 */
function ZoomStyle({ target }: { target: RefObject<HTMLDivElement | null> }) {
  const zoom = useStore((s) => s.transform[2]);
  // The state of a link being drawn, for every card at once (the cards' handles subscribe to nothing,
  // see LinkHandles.tsx): dragged from a grip, or started by a click on one.
  const connecting = useStore((s) => s.connection.inProgress);
  const clickConnecting = useStore((s) => s.connectionClickStartHandle !== null);
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    el.style.setProperty('--pl-label-scale', String(Math.min(1.35, Math.max(1, 0.9 / zoom))));
    el.classList.toggle('is-zoomed-out', zoom < ZOOMED_OUT);
    el.classList.toggle('is-far', zoom < FAR);
  }, [zoom, target]);
  useEffect(() => {
    target.current?.classList.toggle('is-connecting', connecting);
    target.current?.classList.toggle('is-click-connecting', clickConnecting);
  }, [connecting, clickConnecting, target]);
  return null;
}

function minimapClass(node: Node): string {
  return node.type === 'zone' ? 'pl-mm-zone' : `pl-mm-${node.type ?? 'node'}`;
}

export function Canvas() {
  const theme = useResolvedTheme();
  const { plan, selection, edgeSelection, measured, highlight } = useAppStore(
    useShallow((s) => ({ plan: s.plan, selection: s.selection, edgeSelection: s.edgeSelection, measured: s.measured, highlight: s.highlight })),
  );
  const derived = useDerived();
  const flow = useReactFlow<FlowNode, LinkFlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const adapter = useMemo(() => createAdapter(), []);
  // React Flow's edge-label layer, rendered with it: links draw their labels into it (edges/labelLayer.ts).
  const [labelLayer, setLabelLayer] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => setLabelLayer(wrapper.current?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null), []);

  const linkInfo = useMemo(() => new Map<string, LinkInfo>(derived.links.map((l) => [l.id, l])), [derived.links]);
  const input = useMemo(
    () => ({
      plan,
      selection: new Set(selection),
      edgeSelection: new Set(edgeSelection),
      measured,
      findings: findingsByNode(derived.findings),
      links: linkInfo,
      highlight,
    }),
    [plan, selection, edgeSelection, measured, derived.findings, linkInfo, highlight],
  );
  const nodes = useMemo(() => adapter.toNodes(input), [adapter, input]);
  const edges = useMemo(() => adapter.toEdges(input), [adapter, input]);

  useEffect(() => {
    canvasApi.current = {
      fitView: (ids) => {
        void flow.fitView({ padding: ids ? 0.4 : 0.12, duration: 250, maxZoom: ids ? 1 : 1.2, ...(ids ? { nodes: ids.map((id) => ({ id })) } : {}) });
      },
      visibleCenter: () => {
        const rect = wrapper.current?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      },
      getViewport: () => flow.getViewport(),
      setViewport: (view) => void flow.setViewport(view),
      inView: (ids) => {
        const rect = wrapper.current?.getBoundingClientRect();
        if (!rect) return true;
        const { x: tx, y: ty, zoom } = flow.getViewport();
        return ids.every((id) => {
          const n = flow.getInternalNode(id);
          if (!n) return true;
          const { x, y } = n.internals.positionAbsolute;
          const left = x * zoom + tx;
          const top = y * zoom + ty;
          return left >= 0 && top >= 0 && left + (n.measured.width ?? 0) * zoom <= rect.width && top + (n.measured.height ?? 0) * zoom <= rect.height;
        });
      },
    };
    return () => {
      canvasApi.current = null;
    };
  }, [flow]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const state = useAppStore.getState();
    const { plan } = state;
    const sizes: Record<string, { width: number; height: number }> = {};
    const moves = new Map<string, XY>();
    let selection: Set<string> | null = null;
    const resized: { id?: string; position?: XY; size?: { width: number; height: number } } = {};
    for (const change of changes) {
      switch (change.type) {
        case 'select':
          selection ??= new Set(state.selection);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
          break;
        case 'dimensions':
          if (change.dimensions) {
            sizes[change.id] = change.dimensions;
            if (change.setAttributes && change.id === resizingZone.current) Object.assign(resized, { id: change.id, size: change.dimensions });
          }
          break;
        case 'position': {
          if (!change.position) break;
          if (change.dragging === undefined) {
            // From the resizer: the zone's corner moved (children are counter-moved; they keep their place).
            if (change.id === resizingZone.current) Object.assign(resized, { id: change.id, position: change.position });
            break;
          }
          const node = plan.nodes.find((n) => n.id === change.id);
          moves.set(change.id, toAbsolute(plan, node?.zone, change.position));
          break;
        }
        default:
          break; // 'add' / 'remove' / 'replace' never come from React Flow here: deletion is ours.
      }
    }
    const measuredNow = state.measured;
    const newSizes = Object.entries(sizes).filter(([id, s]) => measuredNow[id]?.width !== s.width || measuredNow[id]?.height !== s.height);
    if (newSizes.length > 0) state.setMeasured(Object.fromEntries(newSizes));
    if (selection) state.setSelection([...selection], state.edgeSelection);
    if (moves.size > 0) {
      // A move outside a drag gesture (arrow keys) is a step of its own, zone membership included.
      const loose = inGesture() ? [] : [...moves.keys()].filter((id) => plan.nodes.some((n) => n.id === id));
      state.editPlan((p) => assignZones(moveElements(p, moves), loose, sizeOf));
    }
    const zoneId = resized.id;
    if (zoneId !== undefined) {
      state.editPlan((p) => {
        const zone = p.zones.find((z) => z.id === zoneId);
        return zone ? setZoneBounds(p, zoneId, resized.position ?? zone.position, resized.size ?? zone.size) : p;
      });
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<LinkFlowEdge>[]) => {
    const state = useAppStore.getState();
    let edgeSelection: Set<string> | null = null;
    for (const change of changes) {
      if (change.type !== 'select') continue;
      edgeSelection ??= new Set(state.edgeSelection);
      if (change.selected) edgeSelection.add(change.id);
      else edgeSelection.delete(change.id);
    }
    if (edgeSelection) state.setSelection(state.selection, [...edgeSelection]);
  }, []);

  const onDragStart: OnNodeDrag<FlowNode> = useCallback(() => beginGesture(), []);
  const onDragStop: OnNodeDrag<FlowNode> = useCallback((_event, _node, dragged) => {
    // Dropping a node into a zone makes it a member; dragging it out of every zone releases it.
    const ids = dragged.filter((n) => n.type !== 'zone').map((n) => n.id);
    if (ids.length > 0) useAppStore.getState().editPlan((p) => assignZones(p, ids, sizeOf));
    endGesture();
  }, []);

  const onConnect = useCallback((c: Connection) => {
    connectNodes(c.source, c.target);
  }, []);

  const isValidConnection = useCallback((c: Connection | LinkFlowEdge) => {
    if (c.source === c.target) return false;
    const { plan } = useAppStore.getState();
    return plan.nodes.some((n) => n.id === c.target);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const id = event.dataTransfer.getData(PALETTE_MIME);
      const item = id ? paletteItem(id) : undefined;
      if (!item) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The pointer is at the centre of the new card (or the top-left area of a new zone).
      const size = item.target.type === 'zone' ? { width: DEFAULT_ZONE_SIZE.width / 2, height: 40 } : DEFAULT_NODE_SIZE;
      addPaletteItem(id, { x: point.x - size.width / 2, y: point.y - size.height / 2 });
    },
    [flow],
  );

  const onMoveEnd = useCallback((_e: unknown, viewport: Viewport) => {
    useAppStore.getState().setView(viewport);
  }, []);

  const onPaneClick = useCallback(() => {
    const s = useAppStore.getState();
    if (s.highlight) s.setHighlight(null);
  }, []);

  const empty = plan.nodes.length === 0 && plan.zones.length === 0;

  return (
    <div className="pl-canvas" ref={wrapper} data-testid="canvas">
      <LabelLayer value={labelLayer}>
        <ReactFlow<FlowNode, LinkFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onDragStart}
          onNodeDragStop={onDragStop}
          onSelectionDragStart={onDragStart as never}
          onSelectionDragStop={onDragStop as never}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onDragOver={onDragOver}
          onDrop={onDrop}
          onMoveEnd={onMoveEnd}
          onPaneClick={onPaneClick}
          connectionMode={ConnectionMode.Loose}
          connectionLineComponent={ConnectionLine}
          connectionRadius={28}
          colorMode={theme}
          deleteKeyCode={null}
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          zIndexMode="manual"
          minZoom={0.1}
          maxZoom={3}
          {...(initialView ? { defaultViewport: initialView } : { fitView: true, fitViewOptions: { padding: 0.12, maxZoom: 1.2 } })}
          ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter or Space to select a node, arrow keys to move it, Delete to remove it.' }}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
          {empty ? null : <OverviewMap />}
          <Controls showInteractive={false} aria-label="Zoom controls" />
        </ReactFlow>
      </LabelLayer>
      <ZoomStyle target={wrapper} />
      {empty ? (
        <div className="pl-canvas__empty" data-testid="canvas.empty">
          <p className="pl-canvas__empty-title">This plan is empty</p>
          <p>Drag a component from the palette onto the canvas, or focus one and press Enter.</p>
          <p className="pl-muted">Start with a network zone, then place an Auth Service and a Proxy Service in it.</p>
        </div>
      ) : null}
    </div>
  );
}

/** Some node lies (partly) outside the visible canvas. */
const partlyOutOfView = (s: ReactFlowState): boolean => {
  const [tx, ty, zoom] = s.transform;
  for (const n of s.nodeLookup.values()) {
    const { x, y } = n.internals.positionAbsolute;
    const left = x * zoom + tx;
    const top = y * zoom + ty;
    if (left < 0 || top < 0 || left + (n.measured.width ?? 0) * zoom > s.width || top + (n.measured.height ?? 0) * zoom > s.height) return true;
  }
  return false;
};

/**
 * The minimap, shown only while part of the plan is out of view: when the whole plan fits (as after fit
 * view) it would only cover a corner of it.
 */
function OverviewMap() {
  const needed = useStore(partlyOutOfView);
  return needed ? <MiniMap pannable zoomable nodeClassName={minimapClass} nodeStrokeWidth={2} ariaLabel="Minimap" style={{ width: 168, height: 108 }} /> : null;
}
