/**
 * Findings: severity, code, message and fix. Selecting one selects and shows the nodes concerned; a fix
 * that is a field value or two has a button that applies it (one undo step), and a fix that is a design
 * decision has one button per option (never applied by "Apply all").
 */
import { applyAllAutofixes, newErrors } from '../../../core/engine/index.ts';
import type { Autofix, Finding, Severity } from '../../../core/engine/index.ts';
import { applyAutofix } from '../../../core/findings/index.ts';
import { focusNodes } from '../../commands.ts';
import { derivedFor, useDerived } from '../../store/derived.ts';
import { useAppStore } from '../../store/index.ts';
import { UiIcon } from '../../canvas/icons.tsx';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function FindingsPanel() {
  const { findings } = useDerived();
  const highlight = useAppStore((s) => s.highlight);
  const sorted = findings.slice().sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.code.localeCompare(b.code) || a.id.localeCompare(b.id));
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
  // Each row is a list item holding its controls side by side, none inside another: the button that
  // selects the finding, its Docs link, its Apply button when it has one, and its fix options (a group
  // named after the finding) when it has them.
  return (
    <>
      {fixable > 1 ? (
        <div className="pl-findings__bar">
          <span className="pl-muted">{fixable} findings have a one-click fix.</span>
          <button type="button" className="pl-btn pl-btn--small" onClick={applyAll} data-testid="findings.autofix-all">
            Apply all {fixable} fixes
          </button>
        </div>
      ) : null}
      <ul className="pl-findings" aria-label="Findings" tabIndex={-1} data-findings-focus>
        {sorted.map((f) => {
          const selected = highlight?.source === `finding:${f.id}`;
          return (
            <li key={f.id} className={`pl-finding pl-sev--${f.severity}${selected ? ' is-selected' : ''}`} data-testid="findings.row" data-code={f.code}>
              <button type="button" className="pl-finding__select" aria-current={selected ? 'true' : undefined} onClick={() => choose(f)} data-testid="findings.select">
                <span className="pl-sev-chip">{f.severity}</span>
                <code className="pl-finding__code">{f.code}</code>
                <span className="pl-finding__text">
                  <span className="pl-finding__message">{f.message}</span>
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
                <div className="pl-finding__autofix" role="group" aria-label={`Fix options for ${f.id}`} data-testid="findings.choices">
                  <span className="pl-muted">{f.choices.length === 1 ? 'One option:' : 'Choose a fix:'}</span>
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
    </>
  );
}
