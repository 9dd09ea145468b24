/**
 * Keeps a lazily loaded panel's failure to load inside the panel: when its chunk cannot load (offline
 * right after an update, a flaky network), the rest of the app keeps working and the panel offers a
 * reload. Other errors go on to the crash screen.
 */
import { Component } from 'react';
import type { ReactNode } from 'react';

interface Props {
  /** What the panel is, for the message ("the inspector"). */
  what: string;
  className: string;
  label: string;
  /** For a dialog: a way to close the notice (its frame, with Escape, did not load either). */
  onDismiss?: () => void;
  children: ReactNode;
}

interface State {
  error: unknown;
}

/** A dynamic import that failed to load (wording of Chromium, Firefox and Safari). */
function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|importing a module script failed|error loading dynamically imported/i.test(error.message);
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    // Any other error is a bug: let the crash screen (which offers the plan as a download) handle it.
    if (!isChunkLoadError(this.state.error)) throw this.state.error;
    return (
      <aside className={this.props.className} aria-label={this.props.label} role="alert">
        <p className="pl-inspector__loading">Could not load {this.props.what}: the network may be down.</p>
        <button type="button" className="pl-btn pl-btn--small" onClick={() => window.location.reload()}>
          Reload Portolan
        </button>
        {this.props.onDismiss ? (
          <button type="button" className="pl-btn pl-btn--small" onClick={this.props.onDismiss}>
            Close
          </button>
        ) : null}
      </aside>
    );
  }
}
