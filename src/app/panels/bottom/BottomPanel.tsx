/** The bottom panel: Rules and Findings tabs, collapsible. */
import { Suspense, lazy } from 'react';
import { useChecksState, useDerived } from '../../store/derived.ts';
import { ChecksPending } from '../../ui/ChecksPending.tsx';
import { useAppStore, useShallow } from '../../store/index.ts';
import { UiIcon } from '../../canvas/icons.tsx';
import { RulesPanel } from './RulesPanel.tsx';
import { useBottomHeight } from './resize.ts';
import { PanelBoundary } from '../../ui/PanelBoundary.tsx';
import { ASSERTION_CODE } from '../../../core/assertions/index.ts';
import type { BottomTab } from '../../store/uiSlice.ts';

// The tabs other than Rules (findings, trace, diff, assertions) load when first opened: first paint shows Rules.
const FindingsPanel = lazy(() => import('./FindingsPanel.tsx').then((m) => ({ default: m.FindingsPanel })));
const ExplainTab = lazy(() => import('../../explain/ExplainTab.tsx').then((m) => ({ default: m.ExplainTab })));

export function BottomPanel() {
  const { tab, open } = useAppStore(useShallow((s) => ({ tab: s.bottomTab, open: s.bottomOpen })));
  const { rules, findings } = useDerived();
  const checks = useChecksState();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const assertions = useAppStore((s) => s.plan.assertions.length);
  const { height, bar } = useBottomHeight();
  const tabs: { id: BottomTab; label: string; count?: number | string; error?: boolean; title?: string }[] = [
    { id: 'rules', label: 'Rules', count: rules.length },
    // The checks load just after first paint: until then there is no count to show.
    checks === 'ready'
      ? { id: 'findings', label: 'Findings', count: findings.length, error: errors > 0 }
      : { id: 'findings', label: 'Findings', count: checks === 'loading' ? '…' : '!', error: checks === 'failed', title: checks === 'loading' ? 'Checking the plan…' : 'The checks could not be loaded' },
    // Explain tabs (src/app/explain): trace a path / what breaks, compare with another plan, assertions.
    { id: 'trace', label: 'Trace' },
    { id: 'compare', label: 'Compare' },
    { id: 'assertions', label: 'Assertions', count: assertions, error: findings.some((f) => f.code === ASSERTION_CODE) },
  ];
  return (
    <section className={`pl-bottom${open ? '' : ' is-collapsed'}`} aria-label="Rules and findings" data-testid="bottom-panel" style={open ? { height } : undefined}>
      {open ? <div className="pl-bottom__resize" {...bar} data-testid="bottom.resize" /> : null}
      <div className="pl-tabs">
        {/* Only tabs inside the tablist (ARIA: a tablist owns tabs); the collapse button sits beside it. */}
        <div className="pl-tabs__list" role="tablist" aria-label="Rules and findings">
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`tabpanel-${t.id}`}
              className={`pl-tab${tab === t.id ? ' is-on' : ''}`}
              onClick={() => useAppStore.getState().setBottom(t.id, true)}
              data-testid={`tab.${t.id}`}
              title={t.title}
            >
              {t.label}
              {t.count !== undefined ? <span className={`pl-tab__count${t.error ? ' is-error' : ''}`}>{t.count}</span> : null}
            </button>
          ))}
        </div>
        <span className="pl-tabs__spacer" />
        <button
          type="button"
          className="pl-icon-btn"
          onClick={() => useAppStore.getState().toggleBottom()}
          aria-label={open ? 'Collapse the rules and findings panel' : 'Expand the rules and findings panel'}
          aria-expanded={open}
          data-testid="bottom.toggle"
        >
          <UiIcon name={open ? 'chevronDown' : 'chevronUp'} />
        </button>
      </div>
      {open ? (
        <div className="pl-bottom__body" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'rules' ? (
            <RulesPanel />
          ) : tab === 'findings' && checks !== 'ready' ? (
            <ChecksPending state={checks} without="no findings are shown (the rules are complete)" className="pl-empty" testId="checks.pending" />
          ) : (
            /* A tab whose code cannot load says so in place, with a reload, instead of the crash screen. */
            <PanelBoundary key={tab} what="this tab" className="pl-empty" label={tab}>
              <Suspense fallback={<p className="pl-empty">Loading…</p>}>{tab === 'findings' ? <FindingsPanel /> : <ExplainTab tab={tab} />}</Suspense>
            </PanelBoundary>
          )}
        </div>
      ) : null}
    </section>
  );
}
