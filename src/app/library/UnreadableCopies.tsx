/**
 * Plans → Unreadable copies: what Portolan keeps but cannot open (unsaved changes set aside at start,
 * damaged library plans, plans made by a newer Portolan), so the user can download each one as it is
 * stored, or discard it once it is not needed.
 */
import { useRef, useState } from 'react';
import { Dialog } from '../dialogs/Dialog.tsx';
import { TravelIcon } from '../share/icons.tsx';
import { relativeTime } from './plans.ts';
import { discardUnreadable, downloadUnreadable } from './recovery.ts';
import type { Unreadable } from './unreadable.ts';

/** `onOutcome` gets what a download or discard did, for a status line that outlives the section. */
export function UnreadableCopies({ entries, currentId, onOutcome }: { entries: Unreadable[]; currentId: string | null; onOutcome: (message: string) => void }) {
  const [confirming, setConfirming] = useState<Unreadable | null>(null);
  const ref = useRef<HTMLElement>(null);
  const discard = async (entry: Unreadable) => {
    setConfirming(null);
    // The row goes away with the focus on it: hand the focus to the next copy, or to the dialog's Close.
    const dialog = ref.current?.closest('dialog');
    onOutcome(await discardUnreadable(entry));
    dialog?.querySelector<HTMLElement>('[data-testid="unreadable.download"], [data-testid="plans.close"]')?.focus();
  };
  return (
    <section className="pl-unreadable" aria-labelledby="plans-unreadable-title" ref={ref} data-testid="plans.unreadable">
      <h3 id="plans-unreadable-title" className="pl-unreadable__title">
        <TravelIcon name="alert" /> Unreadable copies
      </h3>
      <p className="pl-muted">Portolan keeps these because it cannot open them. Download one to keep it as a file; discard it once you no longer need it.</p>
      <ul className="pl-plans" aria-labelledby="plans-unreadable-title">
        {entries.map((entry) => (
          <li key={`${entry.source}:${entry.key}`} className="pl-plans__row" data-testid="unreadable.row" data-source={entry.source}>
            <span className="pl-unreadable__main">
              <span className="pl-plans__name" data-testid="unreadable.name">
                {entry.name}
              </span>
              <span className="pl-plans__meta">{describe(entry)}</span>
              {entry.reason ? (
                <span className="pl-unreadable__reason" data-testid="unreadable.reason">
                  {entry.reason}
                </span>
              ) : null}
            </span>
            <span className="pl-plans__actions">
              <button type="button" className="pl-btn pl-btn--small" onClick={() => onOutcome(downloadUnreadable(entry))} aria-label={`Download ${entry.name}`} data-testid="unreadable.download">
                <TravelIcon name="save" /> Download
              </button>
              {entry.source === 'record' && entry.key === currentId ? null : (
                <button type="button" className="pl-btn pl-btn--small pl-btn--danger" onClick={() => setConfirming(entry)} aria-label={`Discard ${entry.name}`} data-testid="unreadable.discard">
                  <TravelIcon name="trash" /> Discard
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      <Dialog open={confirming !== null} title="Discard this unreadable copy?" onClose={() => setConfirming(null)} testId="dialog.discard-unreadable">
        {confirming ? (
          <>
            <p>
              {confirming.source === 'changes' ? 'The unsaved changes to' : 'The library plan'} “{confirming.name}” will be removed from this browser for good. Download
              it first if you may need it. Nothing else changes.
            </p>
            <div className="pl-dialog__actions">
              <span className="pl-tabs__spacer" />
              <button type="button" className="pl-btn" onClick={() => setConfirming(null)} data-autofocus data-testid="unreadable.discard-cancel">
                Cancel
              </button>
              <button type="button" className="pl-btn pl-btn--danger" onClick={() => void discard(confirming)} data-testid="unreadable.discard-confirm">
                Discard
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </section>
  );
}

function describe(entry: Unreadable): string {
  if (entry.source === 'changes') return entry.at === null ? 'Unsaved changes' : `Unsaved changes · made ${relativeTime(entry.at)}`;
  return entry.at === null ? 'Library plan' : `Library plan · saved ${relativeTime(entry.at)}`;
}
