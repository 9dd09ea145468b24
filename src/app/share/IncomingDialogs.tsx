/** The two answers to a plan arriving from a link or a file: "which way to open it?" or "this cannot be opened". */
import { whenReallyClosed } from './dialogClose.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { plural } from '../library/plans.ts';
import { useAppStore } from '../store/index.ts';
import { TravelIcon } from './icons.tsx';
import { acceptAsNew, acceptReplace, dismissIncoming, useIncoming } from './incoming.ts';
import type { IncomingSource } from './incoming.ts';

function what(source: IncomingSource): string {
  return source.kind === 'link' ? 'link' : `file “${source.fileName}”`;
}

export function IncomingDialogs() {
  const dialog = useAppStore((s) => s.dialog);
  const pending = useIncoming((s) => s.pending);
  const error = useIncoming((s) => s.error);
  const currentName = useAppStore((s) => s.plan.name);
  const onClose = (name: 'incoming' | 'plan-error') => () => {
    if (useAppStore.getState().dialog === name) dismissIncoming();
  };
  return (
    <>
      <Dialog
        open={dialog === 'incoming' && pending !== null}
        title={pending?.source.kind === 'file' ? 'Open this plan file?' : 'Open the shared plan?'}
        onClose={whenReallyClosed('dialog.incoming', onClose('incoming'))}
        testId="dialog.incoming"
        wide
      >
        {pending ? (
          <>
            <p>
              The {what(pending.source)} holds a plan that differs from the one you have open (“{currentName}”).
            </p>
            <div className="pl-plan-card" data-testid="incoming.plan">
              <span className="pl-plan-card__name">{pending.plan.name}</span>
              {pending.plan.description ? <span className="pl-muted">{pending.plan.description}</span> : null}
              <span className="pl-plan-card__meta">
                {plural(pending.plan.nodes.length, 'node')} · {plural(pending.plan.zones.length, 'zone')} · {plural(pending.plan.links.length, 'link')}
              </span>
            </div>
            {pending.notes.length > 0 ? (
              <ul className="pl-warnings pl-muted" data-testid="incoming.notes">
                {pending.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            <div className="pl-dialog__actions pl-dialog__actions--wrap">
              <button type="button" className="pl-btn" onClick={dismissIncoming} data-testid="incoming.cancel">
                Cancel
              </button>
              <span className="pl-tabs__spacer" />
              <button type="button" className="pl-btn" onClick={acceptReplace} data-testid="incoming.replace">
                Replace current plan
              </button>
              <button type="button" className="pl-btn pl-btn--primary" onClick={() => void acceptAsNew()} autoFocus data-testid="incoming.open-new">
                Open as a new plan
              </button>
            </div>
            <p className="pl-dialog__hint">“Open as a new plan” keeps your current plan in Plans. “Replace” can be undone with Ctrl+Z.</p>
          </>
        ) : null}
      </Dialog>
      <Dialog
        open={dialog === 'plan-error' && error !== null}
        title={error?.source.kind === 'file' ? 'This file cannot be opened' : 'This link cannot be opened'}
        onClose={whenReallyClosed('dialog.plan-error', onClose('plan-error'))}
        testId="dialog.plan-error"
        wide
      >
        {error ? (
          <>
            <div className="pl-callout pl-callout--error" role="alert">
              <TravelIcon name="alert" />
              <div>
                {error.source.kind === 'file' ? <p className="pl-plan-card__name">{error.source.fileName}</p> : null}
                <p data-testid="plan-error.message">{error.message}</p>
                {error.issues.length > 1 ? (
                  <ul className="pl-issues" data-testid="plan-error.issues">
                    {error.issues.slice(0, 20).map((i, n) => (
                      <li key={n}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
                    ))}
                    {error.issues.length > 20 ? <li>… and {error.issues.length - 20} more</li> : null}
                  </ul>
                ) : null}
              </div>
            </div>
            <p>Your current plan (“{currentName}”) was not changed.</p>
            {error.source.kind === 'link' ? <p className="pl-muted">Ask for the link again, or for the plan as a .portolan.json file.</p> : null}
            <div className="pl-dialog__actions">
              <span className="pl-tabs__spacer" />
              <button type="button" className="pl-btn pl-btn--primary" onClick={dismissIncoming} autoFocus data-testid="plan-error.close">
                OK
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </>
  );
}
