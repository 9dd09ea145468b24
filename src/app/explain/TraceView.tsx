/**
 * Trace a path: pick a client (or tbot) and a target, see the hops in traffic order, each with the rule
 * that permits it, drawn on the canvas with numbered nodes. A missing hop is named, and its nodes are red.
 */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { KIND_INFO } from '../../core/catalog/kinds.ts';
import type { DeriveResult } from '../../core/engine/index.ts';
import type { Plan, PlanNode } from '../../core/schema/index.ts';
import { isAccessTool, traceAccess } from '../../core/trace/index.ts';
import type { AccessTool, Hop, Trace } from '../../core/trace/index.ts';
import { focusNodes } from '../commands.ts';
import { useDerived } from '../store/derived.ts';
import { useAppStore } from '../store/index.ts';
import { traceHighlight } from './highlights.ts';
import { ModeSwitch } from './ModeSwitch.tsx';
import { TOOL_LABEL, nameIn } from './names.ts';
import { selectRule } from './rules.ts';
import { useExplain } from './state.ts';
import { useCanvasHighlight } from './useCanvasHighlight.ts';

const CLIENT_TARGETS = new Set<PlanNode['kind']>(['agent', 'openssh-host', 'kube-api', 'database', 'app', 'windows-host']);
const TBOT_TARGETS = new Set<PlanNode['kind']>(['proxy', 'load-balancer']);

function targetsFor(plan: Plan, from: PlanNode | undefined): PlanNode[] {
  const kinds = from?.kind === 'tbot' ? TBOT_TARGETS : CLIENT_TARGETS;
  return plan.nodes.filter((n) => kinds.has(n.kind)).sort((a, b) => a.name.localeCompare(b.name));
}

function toolsFor(from: PlanNode | undefined): AccessTool[] {
  if (from?.kind === 'tbot') return ['tbot'];
  return from?.kind === 'client' ? from.tools.filter(isAccessTool) : [];
}

type Outcome = { trace: Trace } | { error: string } | null;

/** The trace for the picked client, target and tool; null while the picks do not make a question. */
function traceOutcome(plan: Plan, derived: DeriveResult, from: string, to: string, tool: AccessTool | '', via: 'proxy' | 'relay'): Outcome {
  const fromNode = plan.nodes.find((n) => n.id === from && (n.kind === 'client' || n.kind === 'tbot'));
  if (!fromNode || !targetsFor(plan, fromNode).some((n) => n.id === to)) return null;
  const usedTool = tool !== '' && toolsFor(fromNode).includes(tool) ? tool : undefined;
  try {
    return { trace: traceAccess(plan, derived, from, to, { ...(usedTool ? { tool: usedTool } : {}), ...(via === 'relay' ? { via } : {}) }) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function TraceView() {
  const plan = useAppStore((s) => s.plan);
  const derived = useDerived();
  const { from, to, tool, via: wantedVia } = useExplain();
  // The Relay choice appears only in plans with a Relay Service.
  const hasRelays = plan.nodes.some((n) => n.kind === 'relay');
  const via = hasRelays ? wantedVia : 'proxy';
  const fromNode = plan.nodes.find((n) => n.id === from && (n.kind === 'client' || n.kind === 'tbot'));
  const targets = targetsFor(plan, fromNode);
  const toNode = targets.find((n) => n.id === to);
  const tools = toolsFor(fromNode);
  const usedTool = tool !== '' && tools.includes(tool) ? tool : undefined;

  const outcome = useMemo(() => traceOutcome(plan, derived, from, to, tool, via), [plan, derived, from, to, tool, via]);
  const trace = outcome && 'trace' in outcome ? outcome.trace : null;
  const highlight = useMemo(() => (trace ? traceHighlight(plan, derived, trace) : null), [plan, derived, trace]);
  const { shown, redraw } = useCanvasHighlight('trace', highlight);
  const clients = plan.nodes.filter((n) => n.kind === 'client' || n.kind === 'tbot').sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div className="pl-explain" data-testid="trace.view">
      <div className="pl-subbar pl-explain__bar">
        <ModeSwitch />
        <label className="pl-explain__pick">
          <span>Client</span>
          <select value={fromNode?.id ?? ''} onChange={(e) => useExplain.setState({ from: e.target.value, tool: '' })} data-testid="trace.from">
            <option value="">Choose…</option>
            {clients.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
                {n.kind === 'tbot' ? ' (tbot)' : ''}
              </option>
            ))}
          </select>
        </label>
        <span aria-hidden="true" className="pl-muted">→</span>
        <label className="pl-explain__pick">
          <span>Target</span>
          <select value={toNode?.id ?? ''} onChange={(e) => useExplain.setState({ to: e.target.value })} disabled={!fromNode} data-testid="trace.to">
            <option value="">Choose…</option>
            {targets.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({KIND_INFO[n.kind].label})
              </option>
            ))}
          </select>
        </label>
        <label className="pl-explain__pick">
          <span>Tool</span>
          <select value={usedTool ?? ''} onChange={(e) => useExplain.setState({ tool: e.target.value as AccessTool | '' })} disabled={tools.length < 2} data-testid="trace.tool">
            <option value="">{tools.length === 1 ? TOOL_LABEL[tools[0] as AccessTool] : 'From the target'}</option>
            {tools.length > 1 ? tools.map((t) => <option key={t} value={t}>{TOOL_LABEL[t]}</option>) : null}
          </select>
        </label>
        {hasRelays ? (
          <label className="pl-explain__pick">
            <span>Via</span>
            <select value={via} onChange={(e) => useExplain.setState({ via: e.target.value as 'proxy' | 'relay' })} data-testid="trace.via">
              <option value="proxy">Proxy</option>
              <option value="relay">Relay Service (SSH)</option>
            </select>
          </label>
        ) : null}
      </div>
      {outcome === null ? (
        <p className="pl-empty pl-empty--panel" data-testid="trace.empty">
          {clients.length === 0
            ? 'Add a Users or tbot node to the plan, then trace its path to a resource here.'
            : 'Pick a client and a target to see the path hop by hop: every connection, its port and the rule that permits it.'}
        </p>
      ) : 'error' in outcome ? (
        <p className="pl-explain__callout is-error" role="alert">
          Portolan could not trace this path: {outcome.error}
        </p>
      ) : (
        <TraceResult plan={plan} derived={derived} trace={outcome.trace}>
          {shown ? null : (
            <button type="button" className="pl-btn pl-btn--small" onClick={redraw} data-testid="trace.redraw">
              Draw on canvas
            </button>
          )}
          <button type="button" className="pl-btn pl-btn--small" onClick={() => focusNodes(highlight?.nodes ?? [])} data-testid="trace.focus">
            Show path
          </button>
        </TraceResult>
      )}
    </div>
  );
}

function TraceResult({ plan, derived, trace, children }: { plan: Plan; derived: DeriveResult; trace: Trace; children: ReactNode }) {
  const name = nameIn(plan);
  return (
    <div className="pl-explain__body">
      {trace.ok ? (
        <div className="pl-explain__summary">
          <p className="pl-explain__status is-ok" data-testid="trace.ok">
            {name(trace.from)} reaches {name(trace.to)} with {TOOL_LABEL[trace.tool]} in {trace.hops.length} hop{trace.hops.length === 1 ? '' : 's'}.
          </p>
          <span className="pl-explain__actions">{children}</span>
        </div>
      ) : (
        <div className="pl-explain__callout is-error" role="alert" data-testid="trace.missing">
          <strong>Missing hop:</strong> {trace.missing?.message ?? 'no complete path.'}
          {trace.missing?.setting ? (
            <div className="pl-explain__callout-sub">
              Setting to change: <code>{trace.missing.setting}</code>
            </div>
          ) : null}
          {trace.hops.length > 0 ? <div className="pl-explain__callout-sub">The part of the path that works is listed below.</div> : null}
          <div className="pl-explain__actions pl-explain__callout-sub">{children}</div>
        </div>
      )}
      <ol className="pl-hops" aria-label="Hops">
        {trace.hops.map((hop, i) => (
          <HopRow key={`${i}:${hop.flow}:${hop.from}`} index={i + 1} hop={hop} name={name} derived={derived} />
        ))}
      </ol>
    </div>
  );
}

function HopRow({ index, hop, name, derived }: { index: number; hop: Hop; name: (id: string) => string; derived: DeriveResult }) {
  return (
    <li className={`pl-hop${hop.reverse ? ' is-reverse' : ''}`} data-testid="trace.hop" data-from={hop.from} data-to={hop.to} data-port={hop.port} data-rule={hop.rule ?? ''} data-reverse={hop.reverse}>
      <span className="pl-hop__n" aria-hidden="true">
        {index}
      </span>
      <div className="pl-hop__main">
        <div className="pl-hop__line">
          <strong>{name(hop.from)}</strong> <span aria-label="to">→</span> <strong>{name(hop.to)}</strong>
          <code className="pl-hop__port">
            {hop.port}/{hop.protocol}
          </code>
          {hop.reverse ? <span className="pl-hop__tag">reverse tunnel</span> : null}
          {hop.rule ? (
            <button type="button" className="pl-link-btn pl-hop__rule" onClick={() => selectRule(derived, hop.rule ?? '')} title="Select this rule in the Rules tab" data-testid="trace.hop.rule">
              {hop.rule}
            </button>
          ) : (
            <span className="pl-text-error">no rule</span>
          )}
        </div>
        {hop.reverse && hop.opener ? (
          <div className="pl-hop__why">
            Traffic {name(hop.from)} → {name(hop.to)} rides the tunnel opened by {name(hop.opener)}: the firewall rule goes the other way, {name(hop.to)} → {name(hop.from)}.
          </div>
        ) : null}
        <div className="pl-hop__desc">{hop.description}</div>
      </div>
    </li>
  );
}
