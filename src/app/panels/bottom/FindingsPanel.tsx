/**
 * Findings: severity, code, message and fix. Selecting one selects and shows the nodes concerned; a fix
 * that is a field value or two has a button that applies it (one undo step), and a fix that is a design
 * decision has one button per option (never applied by "Apply all"). A bar above the list filters by
 * severity and text, and applies every one-click fix at once.
 */
import { useId, useRef, useState } from 'react';
import { applyAllAutofixes, newErrors } from '../../../core/engine/index.ts';
import type { Autofix, Finding, Severity } from '../../../core/engine/index.ts';
import { applyAutofix } from '../../../core/findings/index.ts';
import { focusNodes } from '../../commands.ts';
import { derivedFor, useDerived } from '../../store/derived.ts';
import { useAppStore } from '../../store/index.ts';
import { UiIcon } from '../../canvas/icons.tsx';
import { plural } from '../../library/plans.ts';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITIES: readonly { id: Severity; label: string }[] = [
  { id: 'error', label: 'Errors' },
  { id: 'warning', label: 'Warnings' },
  { id: 'info', label: 'Info' },
];

/** The finding mentions the text: in its code, message, fix, node ids or option labels (case-insensitive). */
function mentions(f: Finding, q: string): boolean {
  if (q === '') return true;
  const texts = [f.code, f.message, f.fix, ...f.nodes, ...(f.autofix ? [f.autofix.label] : []), ...(f.choices ?? []).map((c) => c.label)];
  return texts.some((t) => t.toLowerCase().includes(q));
}

export function FindingsPanel() {
  const { findings } = useDerived();
  const highlight = useAppStore((s) => s.highlight);
  const [query, setQuery] = useState('');
  const [hidden, setHidden] = useState<ReadonlySet<Severity>>(new Set());
  const filterInput = useRef<HTMLInputElement>(null);
  const idBase = useId();
  const q = query.trim().toLowerCase();
  const shown = findings.filter((f) => !hidden.has(f.severity) && mentions(f, q));
  const sorted = shown.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.code.localeCompare(b.code) || a.id.localeCompare(b.id));
  const toggle = (severity: Severity) => {
    const next = new Set(hidden);
    if (next.has(severity)) next.delete(severity);
    else next.add(severity);
    setHidden(next);
  };
  const clearFilter = () => {
    setQuery('');
    setHidden(new Set());
    // The button goes away with the empty state: keyboard focus moves to the filter field.
    filterInput.current?.focus();
  };
  const choose = (f: Finding) => {
    const s = useAppStore.getState();
    s.setHighlight({ source: `finding:${f.id}`, nodes: f.nodes, links: f.links });
    s.select(f.nodes, f.nodes.length === 0 ? f.links : []);
    focusNodes(f.nodes);
  };
  // After a fix its row (or the whole list) goes away: keep keyboard focus in the panel.
  const keepFocus = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-findings-focus]')?.focus());
  const applyFix = (fix: Autofix) => {
    const s = useAppStore.getState();
    const result = applyAutofix(s.plan, fix);
    if (!result.ok) {
      s.toast(`${fix.label}: not applied. ${result.message}`, 'error');
      return;
    }
    // Applied on request, but a new error it brings (a violated assertion, say) is said at once.
    const broken = newErrors(derivedFor(s.plan).findings, derivedFor(result.plan).findings);
    s.editPlan(() => result.plan);
    keepFocus();
    if (broken.length > 0) s.toast(`${fix.label}, but it brings a new error: ${broken.map((b) => b.message).join(' ')} Undo with Ctrl+Z.`, 'error');
    else s.toast(`${fix.label}. Undo with Ctrl+Z.`, 'success');
  };
  const fixable = findings.filter((f) => f.autofix !== undefined).length;
  // Apply all works on the whole plan: say how many of its fixes the filter hides.
  const hiddenFixable = fixable - shown.filter((f) => f.autofix !== undefined).length;
  const applyAll = () => {
    const s = useAppStore.getState();
    const { plan, applied, skipped } = applyAllAutofixes(s.plan, derivedFor);
    const left = skipped.length === 0 ? '' : ` Left out, because ${skipped.length === 1 ? 'it' : 'each'} would bring a new error or no longer applies: ${skipped.map((x) => x.label).join('; ')}.`;
    if (applied.length === 0) {
      s.toast(`No fix was applied.${left}`, 'error');
      return;
    }
    s.editPlan(() => plan);
    keepFocus();
    s.toast(`Applied ${applied.length === 1 ? 'one fix' : `${applied.length} fixes`}: ${applied.join('; ')}.${left} Undo with Ctrl+Z.`, skipped.length === 0 ? 'success' : 'info');
  };
  if (findings.length === 0) {
    return (
      <p className="pl-empty pl-empty--panel" data-testid="findings.empty" tabIndex={-1} data-findings-focus>
        No findings. Portolan checks the plan as you edit and lists problems here.
      </p>
    );
  }
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  // Each row is a list item holding its controls side by side, none inside another: the button that
  // selects the finding, its Docs link, its Apply button when it has one, and its fix options (a group
  // named after the finding) when it has them.
  return (
    <>
      <div className="pl-subbar pl-findings__bar">
        <label className="pl-search">
          <UiIcon name="search" size={14} />
          <input ref={filterInput} type="search" placeholder="Filter findings: code, node, text" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Filter findings" data-testid="findings.filter" />
        </label>
        <div className="pl-segmented" role="group" aria-label="Show severities">
          {SEVERITIES.map(({ id, label }) => (
            <button key={id} type="button" aria-pressed={!hidden.has(id)} className={hidden.has(id) ? '' : 'is-on'} onClick={() => toggle(id)} data-testid={`findings.severity.${id}`}>
              {label} {count(id)}
            </button>
          ))}
        </div>
        <span className="pl-muted pl-count" role="status" data-testid="findings.count">
          {shown.length === findings.length ? plural(findings.length, 'finding') : `${shown.length} of ${findings.length}`}
        </span>
        {fixable > 1 ? (
          <button type="button" className="pl-btn pl-btn--small" onClick={applyAll} data-testid="findings.autofix-all" title={`${fixable} findings have a one-click fix`}>
            Apply all {fixable} fixes{hiddenFixable > 0 ? ` (${hiddenFixable} hidden by the filter)` : ''}
          </button>
        ) : null}
      </div>
      {sorted.length === 0 ? (
        <p className="pl-empty pl-empty--panel" data-testid="findings.none-shown" tabIndex={-1} data-findings-focus>
          No finding matches the filter.{' '}
          <button type="button" className="pl-btn pl-btn--small" onClick={clearFilter} data-testid="findings.clear-filter">
            Show all {findings.length}
          </button>
        </p>
      ) : (
        <ul className="pl-findings" aria-label="Findings" tabIndex={-1} data-findings-focus>
          {sorted.map((f, i) => {
            const selected = highlight?.source === `finding:${f.id}`;
            return (
              <li key={f.id} className={`pl-finding pl-sev--${f.severity}${selected ? ' is-selected' : ''}`} data-testid="findings.row" data-code={f.code}>
                <button type="button" className="pl-finding__select" aria-current={selected ? 'true' : undefined} onClick={() => choose(f)} data-testid="findings.select">
                  <span className="pl-sev-chip">{f.severity}</span>
                  <code className="pl-finding__code">{f.code}</code>
                  <span className="pl-finding__text">
                    <span className="pl-finding__message" id={`${idBase}-${i}`}>
                    {f.message}
                  </span>
                    <span className="pl-finding__fix">
                      <strong>Fix:</strong> {f.fix}
                    </span>
                  </span>
                </button>
                {f.docs ? (
                  <a className="pl-finding__docs" href={f.docs} target="_blank" rel="noreferrer noopener" aria-label={`Documentation for ${f.code}`}>
                    Docs <UiIcon name="external" size={12} />
                  </a>
                ) : null}
                {f.autofix ? (
                  <div className="pl-finding__autofix">
                    <button type="button" className="pl-btn pl-btn--small" onClick={() => f.autofix && applyFix(f.autofix)} data-testid="findings.autofix">
                      Apply: {f.autofix.label}
                    </button>
                  </div>
                ) : null}
                {f.choices ? (
                  <div className="pl-finding__autofix" role="group" aria-labelledby={`${idBase}-${i}-options ${idBase}-${i}`} data-testid="findings.choices">
                    <span className="pl-muted" id={`${idBase}-${i}-options`}>{f.choices.length === 1 ? 'One option:' : 'Choose a fix:'}</span>
                    {f.choices.map((c) => (
                      <button key={c.label} type="button" className="pl-btn pl-btn--small" onClick={() => applyFix(c)} data-testid="findings.choice">
                        {c.label}
                      </button>
                    ))}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
