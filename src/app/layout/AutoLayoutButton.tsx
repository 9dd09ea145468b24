/** Toolbar button for Auto-layout: shows progress while ELK loads and runs. */
import { UiIcon } from '../canvas/icons.tsx';
import { autoLayout, useLayoutStatus } from './autoLayout.ts';
import './layout.css';

export function AutoLayoutButton() {
  const running = useLayoutStatus((s) => s.running);
  return (
    <button
      type="button"
      className={`pl-btn${running ? ' is-busy' : ''}`}
      onClick={() => void autoLayout()}
      aria-disabled={running}
      aria-busy={running}
      title="Arrange zones and nodes left to right, by who connects to whom (Shift+L)"
      data-testid="toolbar.auto-layout"
    >
      {running ? <span className="pl-spinner" aria-hidden="true" /> : <UiIcon name="layout" />}
      {running ? 'Laying out…' : 'Auto-layout'}
    </button>
  );
}
