/**
 * Keeps a lazily loaded panel's failure inside the panel: when its chunk cannot load (offline right
 * after an update, a flaky network), the rest of the app keeps working and the panel offers a retry.
 */
import { Component } from 'react';
import type { ReactNode } from 'react';

interface Props {
  /** What the panel is, for the message ("the inspector"). */
  what: string;
  className: string;
  label: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <aside className={this.props.className} aria-label={this.props.label} role="alert">
        <p className="pl-inspector__loading">Could not load {this.props.what}: the network may be down.</p>
        <button type="button" className="pl-btn pl-btn--small" onClick={() => window.location.reload()}>
          Reload Portolan
        </button>
      </aside>
    );
  }
}
