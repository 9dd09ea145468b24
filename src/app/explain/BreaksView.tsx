/**
 * What breaks: close a rule, a port or a link and list every access path (client → target per tool,
 * tbot → Proxy) that works today and would not any more; those paths are drawn in red on the canvas.
 */
import { useMemo, useState } from 'react';
import type { DeriveResult } from '../../core/engine/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { whatBreaks } from '../../core/trace/index.ts';
import type { Closure, WhatBreaks } from '../../core/trace/index.ts';
import { useDerived } from '../store/derived.ts';
import { useAppStore } from '../store/index.ts';
import { breaksHighlight } from './highlights.ts';
import { ModeSwitch } from './ModeSwitch.tsx';
import { TOOL_LABEL, nameIn, portText } from './names.ts';
import { showTrace, useExplain } from './state.ts';
import { useCanvasHighlight } from './useCanvasHighlight.ts';

type Outcome = { answer: WhatBreaks } | { error: string } | null;

/** The closure in words ("rule Database agent → Proxy LB 443/tcp"). */
function closureText(plan: Plan, derived: DeriveResult, c: Closure): string {
  const name = nameIn(plan);
  if (c.rule !== undefined) {
    const r = derived.rules.find((x) => x.id === c.rule);
    return r ? `the rule ${name(r.source)} → ${name(r.destination)} ${portText(r)}/${r.protocol}` : `the rule ${c.rule}`;
  }
  if (c.port !== undefined) return `port ${c.port}`;
  if (c.link !== undefined) {
    const l = plan.links.find((x) => x.id === c.link);
    return l ? `the link ${name(l.source)} – ${name(l.target)}` : `the link ${c.link}`;
  }
  return 'nothing';
}

export function BreaksView() {
  const plan = useAppStore((s) => s.plan);
  const derived = useDerived();
  const closure = useExplain((s) => s.closure);
  const [port, setPort] = useState(closure?.port !== undefined ? String(closure.port) : '');
  const [portError, setPortError] = useState<string | null>(null);
  const name = nameIn(plan);

  // A closure naming something that is gone (rule no longer derived, link deleted) asks nothing.
  const live = closure !== null && (closure.rule === undefined || derived.rules.some((r) => r.id === closure.rule)) && (closure.link === undefined || plan.links.some((l) => l.id === closure.link));
  const outcome: Outcome = useMemo(() => {
    if (!closure || !live) return null;
    try {
      return { answer: whatBreaks(plan, derived, closure) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [plan, derived, closure, live]);
  const answer = outcome && 'answer' in outcome ? outcome.answer : null;
  const highlight = useMemo(() => (closure && answer ? breaksHighlight(plan, derived, closure, answer.broken) : null), [plan, derived, closure, answer]);
  useCanvasHighlight('breaks', highlight);

  const checkPort = () => {
    const n = Number(port.trim());
    if (!/^\d+$/.test(port.trim()) || n < 1 || n > 65535) {
      setPortError('Enter a port from 1 to 65535.');
      return;
    }
    setPortError(null);
    useExplain.setState({ closure: { port: n } });
  };
  const rules = [...derived.rules].sort((a, b) => name(a.source).localeCompare(name(b.source)) || a.port - b.port || a.id.localeCompare(b.id));
  const links = [...plan.links].sort((a, b) => name(a.source).localeCompare(name(b.source)) || name(a.target).localeCompare(name(b.target)));

  return (
    <div className="pl-explain" data-testid="breaks.view">
      <div className="pl-subbar pl-explain__bar">
        <ModeSwitch />
        <label className="pl-explain__pick">
          <span>Close a rule</span>
          <select value={closure?.rule ?? ''} onChange={(e) => useExplain.setState({ closure: e.target.value ? { rule: e.target.value } : null })} data-testid="breaks.rule">
            <option value="">Choose…</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {name(r.source)} → {name(r.destination)} {portText(r)}/{r.protocol}
              </option>
            ))}
          </select>
        </label>
        <form
          className={`pl-explain__pick${portError ? ' has-error' : ''}`}
          onSubmit={(e) => {
            e.preventDefault();
            checkPort();
          }}
        >
          <label htmlFor="breaks-port">a port</label>
          <input id="breaks-port" className="pl-explain__port" inputMode="numeric" placeholder="e.g. 3024" value={port} onChange={(e) => setPort(e.target.value)} aria-invalid={portError !== null} aria-describedby={portError ? 'breaks-port-error' : undefined} data-testid="breaks.port" />
          <button type="submit" className="pl-btn pl-btn--small" data-testid="breaks.port.check">
            Check
          </button>
        </form>
        <label className="pl-explain__pick">
          <span>or a link</span>
          <select value={closure?.link ?? ''} onChange={(e) => useExplain.setState({ closure: e.target.value ? { link: e.target.value } : null })} data-testid="breaks.link">
            <option value="">Choose…</option>
            {links.map((l) => (
              <option key={l.id} value={l.id}>
                {name(l.source)} – {name(l.target)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {portError ? (
        <p className="pl-explain__callout is-error" id="breaks-port-error" role="alert">
          {portError}
        </p>
      ) : null}
      {outcome === null ? (
        <p className="pl-empty pl-empty--panel" data-testid="breaks.idle">
          {closure && !live ? 'What you picked is no longer in the plan. ' : ''}Pick a rule, a port or a link (or use “What breaks” on a selected rule or link) to see every access path that depends on it.
        </p>
      ) : 'error' in outcome ? (
        <p className="pl-explain__callout is-error" role="alert">
          Portolan could not check this: {outcome.error}
        </p>
      ) : closure ? (
        <div className="pl-explain__body">
          {outcome.answer.broken.length === 0 ? (
            <p className="pl-explain__status is-ok" data-testid="breaks.empty">
              Nothing breaks: the {outcome.answer.checked} access path{outcome.answer.checked === 1 ? '' : 's'} that work today do not depend on {closureText(plan, derived, closure)}.
            </p>
          ) : (
            <p className="pl-explain__status is-bad" data-testid="breaks.summary">
              Closing {closureText(plan, derived, closure)} breaks {outcome.answer.broken.length} of {outcome.answer.checked} access path{outcome.answer.checked === 1 ? '' : 's'}:
            </p>
          )}
          <ul className="pl-breaks" aria-label="Access paths that break">
            {outcome.answer.broken.map((b) => (
              <li key={`${b.from}>${b.to}:${b.tool}:${b.via ?? ''}`} className="pl-break" data-testid="breaks.row" data-from={b.from} data-to={b.to} data-tool={b.tool} data-via={b.via ?? 'proxy'}>
                <div className="pl-hop__line">
                  <strong>{name(b.from)}</strong> → <strong>{name(b.to)}</strong>
                  <span className="pl-hop__tag">{TOOL_LABEL[b.tool]}</span>
                  {b.via === 'relay' ? <span className="pl-hop__tag">via Relay Service</span> : null}
                  <button type="button" className="pl-link-btn" onClick={() => showTrace({ from: b.from, to: b.to, tool: b.tool, via: b.via ?? 'proxy' })} data-testid="breaks.row.trace">
                    Trace it
                  </button>
                </div>
                {b.after.missing ? <div className="pl-hop__desc">Then: {b.after.missing.message}</div> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
