/**
 * "Connect to…": link the inspected node to another one without a pointer. React Flow's handles need a
 * drag, so keyboard and screen-reader users pick the other end from a list. The link goes through
 * `connectNodes`, exactly like a drag: the engine's `checkLink` decides, and a refusal says why.
 */
import { memo, useId, useState } from 'react';
import { checkLink } from '../../core/engine/check-link.ts';
import type { Plan, PlanNode } from '../../core/schema/index.ts';
import { connectNodes } from '../commands.ts';
import { useTopologyPlan } from '../store/derived.ts';
import { useAppStore } from '../store/index.ts';
import './a11y.css';

/** One collator for every comparison (`localeCompare` with a locale builds one per call). */
const collator = new Intl.Collator('en');

/** Nodes not yet linked to `nodeId`, by name: one pass over the links, not one per node. */
function unlinked(plan: Plan, nodeId: string): PlanNode[] {
  const linked = new Set<string>([nodeId]);
  for (const l of plan.links) {
    if (l.source === nodeId) linked.add(l.target);
    else if (l.target === nodeId) linked.add(l.source);
  }
  return plan.nodes.filter((n) => !linked.has(n.id)).sort((a, b) => collator.compare(a.name, b.name));
}

/** Keyed on the node id, and reading the plan's topology: dragging the node does not re-render the list. */
export const ConnectTo = memo(function ConnectTo({ nodeId }: { nodeId: string }) {
  const id = useId();
  const plan = useTopologyPlan();
  const node = plan.nodes.find((n) => n.id === nodeId);
  const others = node ? unlinked(plan, node.id) : [];
  const [target, setTarget] = useState('');
  // The button stays enabled (aria-disabled only) so that it keeps the focus after a link is made.
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const chosen = others.find((n) => n.id === target);
  if (!node || others.length === 0) return null;

  const connect = () => {
    if (!chosen) {
      setMessage({ ok: false, text: 'Choose the node to connect to first.' });
      return;
    }
    const check = checkLink(plan, node.id, chosen.id);
    const linked = connectNodes(node.id, chosen.id);
    // Stay on this node (a drag selects the new link; here the focus would be lost with the form).
    useAppStore.getState().select([node.id]);
    setTarget('');
    setMessage(linked ? { ok: true, text: `Linked to ${chosen.name}${check.ok && check.summary ? `: ${check.summary}` : ''}.` } : { ok: false, text: `Not linked: ${check.ok ? 'already linked' : check.reason}` });
  };

  return (
    <div className="pl-field" data-testid="inspector.connect">
      <label className="pl-field__label" htmlFor={`${id}-target`}>
        Connect to…
      </label>
      <div className="pl-connect">
        <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)} data-testid="inspector.connect.target">
          <option value="">Choose a node</option>
          {others.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
        <button type="button" className="pl-btn" onClick={connect} aria-disabled={!chosen} data-testid="inspector.connect.go">
          Connect
        </button>
      </div>
      <p className={`pl-connect__message${message && !message.ok ? ' pl-text-error' : ''}`} role="status" data-testid="inspector.connect.message">
        {message?.text ?? ''}
      </p>
    </div>
  );
});
