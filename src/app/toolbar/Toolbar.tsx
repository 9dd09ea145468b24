/** The top bar: plan name, New plan, undo/redo, fit view, theme and the shortcut sheet. */
import { UiIcon } from '../canvas/icons.tsx';
import { fitView, requestNewPlan } from '../commands.ts';
import { redo, undo } from '../store/history.ts';
import { useAppStore, useHistory } from '../store/index.ts';
import type { ThemePreference } from '../store/uiSlice.ts';
import { displayKey } from '../shortcuts.ts';
import { AutoLayoutButton } from '../layout/AutoLayoutButton.tsx';
import { TravelButtons } from './TravelButtons.tsx';

const THEMES: { value: ThemePreference; label: string; icon: string }[] = [
  { value: 'system', label: 'System theme', icon: 'monitor' },
  { value: 'light', label: 'Light theme', icon: 'sun' },
  { value: 'dark', label: 'Dark theme', icon: 'moon' },
];

export function Toolbar() {
  const planName = useAppStore((s) => s.plan.name);
  const theme = useAppStore((s) => s.theme);
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  return (
    <header className="pl-toolbar" role="toolbar" aria-label="Plan">
      <div className="pl-brand">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" className="pl-brand__mark">
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M12 3.5 14 12l-2 8.5L10 12Z" fill="currentColor" />
          <path d="M3.5 12 12 10l8.5 2-8.5 2Z" fill="currentColor" opacity=".45" />
        </svg>
        <span className="pl-brand__name">Portolan</span>
        <span className="pl-brand__sep" aria-hidden="true">/</span>
        <span className="pl-brand__plan" data-testid="toolbar.plan-name" title={planName}>
          {planName}
        </span>
      </div>
      <div className="pl-toolbar__group">
        <button type="button" className="pl-btn" onClick={requestNewPlan} data-testid="toolbar.new">
          <UiIcon name="file" /> New plan
        </button>
        <TravelButtons />
      </div>
      <div className="pl-toolbar__group" role="group" aria-label="History">
        <button type="button" className="pl-icon-btn" onClick={undo} disabled={!canUndo} aria-label="Undo" title={`Undo (${displayKey('Mod+Z')})`} data-testid="toolbar.undo">
          <UiIcon name="undo" />
        </button>
        <button type="button" className="pl-icon-btn" onClick={redo} disabled={!canRedo} aria-label="Redo" title={`Redo (${displayKey('Mod+Shift+Z')})`} data-testid="toolbar.redo">
          <UiIcon name="redo" />
        </button>
      </div>
      <div className="pl-toolbar__group" role="group" aria-label="View">
        <button type="button" className="pl-icon-btn" onClick={fitView} aria-label="Fit the plan in view" title="Fit view (Shift+1)" data-testid="toolbar.fit">
          <UiIcon name="fit" />
        </button>
        <AutoLayoutButton />
      </div>
      <div className="pl-toolbar__group">
        <button type="button" className="pl-btn" onClick={() => useAppStore.getState().openDialog('export')} title={`Export rules, configs and diagrams (${displayKey('Mod+E')})`} data-testid="toolbar.export">
          <UiIcon name="external" /> Export…
        </button>
      </div>
      <span className="pl-tabs__spacer" />
      <div className="pl-segmented pl-segmented--icons" role="radiogroup" aria-label="Theme" data-testid="toolbar.theme">
        {THEMES.map((t) => (
          <button
            key={t.value}
            type="button"
            role="radio"
            aria-checked={theme === t.value}
            aria-label={t.label}
            title={t.label}
            className={theme === t.value ? 'is-on' : ''}
            onClick={() => useAppStore.getState().setTheme(t.value)}
            data-testid={`toolbar.theme.${t.value}`}
          >
            <UiIcon name={t.icon} />
          </button>
        ))}
      </div>
      <button type="button" className="pl-icon-btn" onClick={() => useAppStore.getState().openDialog('shortcuts')} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" data-testid="toolbar.shortcuts">
        <UiIcon name="keyboard" />
      </button>
    </header>
  );
}
