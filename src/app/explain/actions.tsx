/**
 * Entry points into the explain tabs from elsewhere: "What breaks" on the rule selected in the Rules tab,
 * "Trace from here / to here" on a selected node, "What breaks" on a selected link (both in the inspector).
 */
import type { Link, PlanNode } from '../../core/schema/index.ts';
import { useAppStore } from '../store/index.ts';
import { showBreaks, showTrace, useExplain } from './state.ts';

const TRACE_TARGETS = new Set<PlanNode['kind']>(['agent', 'openssh-host', 'kube-api', 'database', 'app', 'windows-host', 'proxy', 'load-balancer']);

/** Shown in the Rules tab's bar while a rule is selected. */
export function RuleBreaksButton() {
  const source = useAppStore((s) => s.highlight?.source);
  const rule = source?.startsWith('rule:') ? source.slice('rule:'.length) : null;
  if (rule === null) return null;
  return (
    <button type="button" className="pl-btn pl-btn--small pl-nowrap" onClick={() => showBreaks({ rule })} title="List every access path that needs this rule" aria-label="What breaks without it?" data-testid="rules.breaks">
      What breaks<span className="pl-wide"> without it</span>?
    </button>
  );
}

/** Inspector actions for a node: trace from a client or tbot, trace to a resource, agent, Proxy or LB. */
export function NodeExplainActions({ node }: { node: PlanNode }) {
  const plan = useAppStore((s) => s.plan);
  const from = useExplain((s) => s.from);
  if (node.kind === 'client' || node.kind === 'tbot') {
    return (
      <div className="pl-inspector__actions pl-explain-actions">
        <button type="button" className="pl-btn" onClick={() => showTrace({ from: node.id })} data-testid="inspector.trace-from">
          Trace from here
        </button>
      </div>
    );
  }
  if (!TRACE_TARGETS.has(node.kind)) return null;
  const clients = plan.nodes.filter((n) => n.kind === 'client' || n.kind === 'tbot');
  // Keep the client already picked; else the first one that can reach this kind of node.
  const wantTbot = node.kind === 'proxy' || node.kind === 'load-balancer';
  const picked = clients.find((n) => n.id === from && (n.kind === 'tbot') === wantTbot) ?? clients.find((n) => (n.kind === 'tbot') === wantTbot);
  if (!picked) return null;
  return (
    <div className="pl-inspector__actions pl-explain-actions">
      <button type="button" className="pl-btn" onClick={() => showTrace({ from: picked.id, to: node.id })} data-testid="inspector.trace-to">
        Trace to here
      </button>
    </div>
  );
}

/** Inspector action for a link. */
export function LinkExplainActions({ link }: { link: Link }) {
  return (
    <button type="button" className="pl-btn" onClick={() => showBreaks({ link: link.id })} data-testid="inspector.breaks">
      What breaks<span className="pl-wide"> without it</span>?
    </button>
  );
}
