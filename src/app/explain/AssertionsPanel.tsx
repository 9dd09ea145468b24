/**
 * Assertions: statements about zones the plan must keep ("nothing inbound to zone Private"), checked on
 * every edit. Each shows whether it holds, and the rules that violate it; violations are findings too.
 * Adding or deleting one is one plan edit (one undo step) and is saved with the plan.
 */
import './explain.css';
import { useMemo, useState } from 'react';
import { assertionText, violations } from '../../core/assertions/index.ts';
import type { Assertion } from '../../core/schema/index.ts';
import { useDerived } from '../store/derived.ts';
import { useAppStore } from '../store/index.ts';
import { ASSERTION_TYPES, addAssertion, draftToAssertion, removeAssertion } from './assertionOps.ts';
import type { AssertionDraft, AssertionType } from './assertionOps.ts';
import { nameIn, portText } from './names.ts';
import { selectRule } from './rules.ts';

export function AssertionsPanel() {
  const plan = useAppStore((s) => s.plan);
  const derived = useDerived();
  const [draft, setDraft] = useState<AssertionDraft>({ type: 'no-inbound', zone: '', toZone: '', ports: '' });
  const [error, setError] = useState<string | null>(null);
  const name = nameIn(plan);
  const zones = [...plan.zones].sort((a, b) => a.name.localeCompare(b.name));
  const statuses = useMemo(() => plan.assertions.map((a) => ({ a, bad: violations(a, derived.rules) })), [plan.assertions, derived.rules]);

  const edit = (patch: Partial<AssertionDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  const add = () => {
    const result = draftToAssertion(plan, draft);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    useAppStore.getState().editPlan((p) => addAssertion(p, result.assertion));
    setDraft((d) => ({ ...d, ports: '' }));
    setError(null);
  };
  const remove = (a: Assertion) => useAppStore.getState().editPlan((p) => removeAssertion(p, a.id));
  const zoneSelect = (value: string, onChange: (v: string) => void, label: string, testId: string) => (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} data-testid={testId}>
      <option value="">Choose a zone…</option>
      {zones.map((z) => (
        <option key={z.id} value={z.id}>
          {z.name}
        </option>
      ))}
    </select>
  );

  return (
    <div className="pl-explain" data-testid="assertions.view">
      <form
        className="pl-subbar pl-explain__bar"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
        aria-label="Add an assertion"
      >
        <select className="pl-explain__type" value={draft.type} onChange={(e) => edit({ type: e.target.value as AssertionType })} aria-label="Assertion type" data-testid="assertions.type">
          {ASSERTION_TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
        {zoneSelect(draft.zone, (zone) => edit({ zone }), draft.type === 'no-traffic' ? 'From zone' : 'Zone', 'assertions.zone')}
        {draft.type === 'no-traffic' ? (
          <>
            <span className="pl-muted">to</span>
            {zoneSelect(draft.toZone, (toZone) => edit({ toZone }), 'To zone', 'assertions.toZone')}
          </>
        ) : null}
        {draft.type === 'only-ports-from' ? (
          <input className="pl-explain__port pl-explain__port--list" type="text" placeholder="ports, e.g. 443, 3021/udp" value={draft.ports} onChange={(e) => edit({ ports: e.target.value })} aria-label="Allowed ports" data-testid="assertions.ports" />
        ) : null}
        <button type="submit" className="pl-btn pl-btn--small" disabled={zones.length === 0} data-testid="assertions.add">
          Add assertion
        </button>
        {zones.length === 0 ? <span className="pl-muted">Assertions are about zones: add a zone first.</span> : null}
      </form>
      {error ? (
        <p className="pl-explain__callout is-error" role="alert" data-testid="assertions.error">
          {error}
        </p>
      ) : null}
      {statuses.length === 0 ? (
        <p className="pl-empty pl-empty--panel" data-testid="assertions.empty">
          No assertions yet. Add statements the plan must keep, such as “nothing inbound to zone Private services”; Portolan checks them on every edit and reports violations as findings.
        </p>
      ) : (
        <ul className="pl-assertions" aria-label="Assertions">
          {statuses.map(({ a, bad }) => (
            <li key={a.id} className={`pl-assertion${bad.length > 0 ? ' is-violated' : ''}`} data-testid="assertions.row" data-assertion-id={a.id} data-status={bad.length > 0 ? 'violated' : 'holds'}>
              <span className={`pl-assertion__status${bad.length > 0 ? ' is-violated' : ''}`} data-testid="assertions.status">
                {bad.length > 0 ? 'violated' : 'holds'}
              </span>
              <div className="pl-assertion__text">
                <div className="pl-assertion__title">
                  {assertionText(plan, a)} <code className="pl-diff-item__id">{a.id}</code>
                </div>
                {bad.length > 0 ? (
                  <div className="pl-assertion__rules">
                    Violated by {bad.length} rule{bad.length === 1 ? '' : 's'}:{' '}
                    {bad.map((r, i) => (
                      <span key={r.id}>
                        {i > 0 ? ', ' : ''}
                        <button type="button" className="pl-link-btn" onClick={() => selectRule(derived, r.id)} data-testid="assertions.rule">
                          {name(r.source)} → {name(r.destination)} {portText(r)}/{r.protocol}
                        </button>
                      </span>
                    ))}
                  </div>
                ) : null}
              </div>
              <button type="button" className="pl-btn pl-btn--small pl-btn--danger" onClick={() => remove(a)} aria-label={`Delete assertion ${assertionText(plan, a)}`} data-testid="assertions.delete">
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
