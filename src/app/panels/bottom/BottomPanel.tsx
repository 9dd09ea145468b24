/** The bottom panel: Rules and Findings tabs, collapsible. */
import { useDerived } from '../../store/derived.ts';
import { useAppStore, useShallow } from '../../store/index.ts';
import { UiIcon } from '../../canvas/icons.tsx';
import { FindingsPanel } from './FindingsPanel.tsx';
import { RulesPanel } from './RulesPanel.tsx';

export function BottomPanel() {
  const { tab, open } = useAppStore(useShallow((s) => ({ tab: s.bottomTab, open: s.bottomOpen })));
  const { rules, findings } = useDerived();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const tabs = [
    { id: 'rules' as const, label: 'Rules', count: rules.length },
    { id: 'findings' as const, label: 'Findings', count: findings.length },
  ];
  return (
    <section className={`pl-bottom${open ? '' : ' is-collapsed'}`} aria-label="Rules and findings" data-testid="bottom-panel">
      <div className="pl-tabs" role="tablist" aria-label="Rules and findings">
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
          >
            {t.label}
            <span className={`pl-tab__count${t.id === 'findings' && errors > 0 ? ' is-error' : ''}`}>{t.count}</span>
          </button>
        ))}
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
          {tab === 'rules' ? <RulesPanel /> : <FindingsPanel />}
        </div>
      ) : null}
    </section>
  );
}
