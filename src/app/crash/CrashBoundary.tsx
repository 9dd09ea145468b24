/**
 * Last line of defence: if rendering throws, show what happened and let the user download the plan
 * they were working on (from the store, or failing that from the crash copy in localStorage), so a
 * bug never costs them their work.
 */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import './crash.css';
import { downloadBlob, textBlob } from '../export/download.ts';
import { CRASH_TEST_FRAGMENT } from '../share/appFragments.ts';
import { useAppStore } from '../store/index.ts';

interface State {
  error: Error | undefined;
}

/** Text of the current plan, from the store if it still answers, else the last autosaved copy. */
function rescuePlanText(): string | undefined {
  try {
    const plan = useAppStore.getState().plan;
    if (plan) return `${JSON.stringify(plan, null, 2)}\n`;
  } catch {
    // fall through to the stored copy
  }
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && /^portolan\.plan/.test(key)) {
        const text = localStorage.getItem(key);
        if (text && text.includes('"portolan-plan"')) return text;
      }
    }
  } catch {
    // storage unavailable
  }
  return undefined;
}

function download(text: string) {
  downloadBlob(textBlob(text, 'application/json'), 'rescued-plan.portolan.json');
}

export class CrashBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Portolan crashed:', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const text = rescuePlanText();
    return (
      <main className="pl-crash" role="alert" data-testid="crash">
        <h1>Portolan hit an unexpected error</h1>
        <p>Your plan is not lost. Download it now, then reload; you can open the file again with Open (Ctrl+O).</p>
        <div className="pl-crash__actions">
          <button type="button" className="pl-btn pl-btn--primary" disabled={!text} onClick={() => text && download(text)} data-testid="crash.download">
            Download my plan
          </button>
          <button type="button" className="pl-btn" onClick={() => location.reload()}>
            Reload Portolan
          </button>
        </div>
        {!text && <p>No copy of the plan could be found in this browser.</p>}
        <details>
          <summary>Technical details</summary>
          <pre>{`${error.name}: ${error.message}\n${error.stack ?? ''}`}</pre>
        </details>
      </main>
    );
  }
}

/**
 * Renders nothing; throws when the page is opened with `#crash-test`, so the crash screen can be
 * tested end to end in the real build (a user never lands there by accident).
 */
export function CrashProbe() {
  if (location.hash === `#${CRASH_TEST_FRAGMENT}`) throw new Error(`Crash test requested with #${CRASH_TEST_FRAGMENT}`);
  return null;
}
