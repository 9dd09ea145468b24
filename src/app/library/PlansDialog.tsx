/** "Plans": the library of plans kept in this browser: open, rename, duplicate, delete; and what cannot be opened. */
import { whenReallyClosed } from '../share/dialogClose.ts';
import { useEffect, useState } from 'react';
import { Dialog } from '../dialogs/Dialog.tsx';
import { pickPlanFile } from '../files/files.ts';
import { TravelIcon } from '../share/icons.tsx';
import { useAppStore } from '../store/index.ts';
import { deletePlan, duplicatePlan, openPlan, renamePlan } from './actions.ts';
import { UndoDelete } from './LibraryNotices.tsx';
import type { PlanSummary } from './db.ts';
import { plural, relativeTime } from './plans.ts';
import { refreshUnreadable } from './recovery.ts';
import { useLibrary } from './state.ts';
import { UnreadableCopies } from './UnreadableCopies.tsx';

const close = () => {
  if (useAppStore.getState().dialog === 'plans') useAppStore.getState().openDialog(null);
};

export function PlansDialog() {
  const open = useAppStore((s) => s.dialog === 'plans');
  return (
    <Dialog open={open} title="Plans in this browser" onClose={whenReallyClosed('dialog.plans', close)} testId="dialog.plans" wide>
      <PlansBody />
    </Dialog>
  );
}

function PlansBody() {
  const { status, unavailableReason, plans, currentId, deleted, unreadable } = useLibrary();
  const [outcome, setOutcome] = useState('');
  useEffect(() => {
    void refreshUnreadable();
  }, [status]);
  // A plan that cannot be opened is listed under Unreadable copies instead (unless it is the open one).
  const damaged = new Set(unreadable.filter((u) => u.source === 'record' && u.key !== currentId).map((u) => u.key));
  return (
    <>
      <p className="pl-muted">Every plan is saved here as you edit. Plans stay in this browser; share a link or save a file to move one elsewhere.</p>
      {status === 'unavailable' ? (
        <div className="pl-callout pl-callout--warning" role="alert">
          <TravelIcon name="alert" />
          <p>
            The plan library is not available in this browser ({unavailableReason ?? 'IndexedDB is blocked'}). Your open plan is still kept between visits; save files to keep
            several plans.
          </p>
        </div>
      ) : status === 'starting' ? (
        <p className="pl-muted">Loading…</p>
      ) : (
        <ul className="pl-plans" data-testid="plans.list" aria-label="Plans">
          {plans
            .filter((p) => !damaged.has(p.id))
            .map((p) => (
              <PlanRow key={p.id} plan={p} current={p.id === currentId} />
            ))}
        </ul>
      )}
      {deleted ? <UndoDelete name={deleted.record.name} className="pl-undo-bar" /> : null}
      {unreadable.length > 0 ? <UnreadableCopies entries={unreadable} currentId={currentId} onOutcome={setOutcome} /> : null}
      <p className="pl-unreadable__status" role="status" data-testid="unreadable.status">
        {outcome}
      </p>
      <div className="pl-dialog__actions">
        <button type="button" className="pl-btn" onClick={() => useAppStore.getState().openDialog('templates')} data-testid="plans.new">
          <TravelIcon name="templates" /> New from a template…
        </button>
        <button
          type="button"
          className="pl-btn"
          onClick={() => {
            close();
            pickPlanFile();
          }}
          data-testid="plans.open-file"
        >
          <TravelIcon name="open" /> Open a file…
        </button>
        <span className="pl-tabs__spacer" />
        <button type="button" className="pl-btn" onClick={close} data-testid="plans.close">
          Close
        </button>
      </div>
    </>
  );
}

function PlanRow({ plan, current }: { plan: PlanSummary; current: boolean }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(plan.name);
  const commit = () => {
    setEditing(false);
    if (draft.trim() && draft.trim() !== plan.name) void renamePlan(plan.id, draft);
  };
  return (
    <li className={`pl-plans__row${current ? ' is-current' : ''}`} data-testid="plans.row" data-plan-id={plan.id} data-current={current || undefined}>
      {editing ? (
        <input
          className="pl-plans__rename"
          value={draft}
          aria-label={`New name for ${plan.name}`}
          autoFocus
          maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              e.preventDefault(); // cancel the rename, not the dialog
              setDraft(plan.name);
              setEditing(false);
            }
          }}
          data-testid="plans.rename-input"
        />
      ) : (
        <button
          type="button"
          className="pl-plans__main"
          onClick={() => {
            void openPlan(plan.id).then((ok) => ok && close());
          }}
          title={current ? 'This plan is open' : `Open ${plan.name}`}
          data-testid="plans.open"
        >
          <span className="pl-plans__name">
            <span data-testid="plans.name">{plan.name}</span>
            {current ? <span className="pl-plans__badge">open</span> : null}
          </span>
          <span className="pl-plans__meta">
            {plural(plan.nodeCount, 'node')} · edited {relativeTime(plan.updatedAt)}
          </span>
        </button>
      )}
      <span className="pl-plans__actions">
        <button
          type="button"
          className="pl-icon-btn"
          onClick={() => {
            setDraft(plan.name);
            setEditing(true);
          }}
          aria-label={`Rename ${plan.name}`}
          title="Rename"
          data-testid="plans.rename"
        >
          <TravelIcon name="pencil" />
        </button>
        <button type="button" className="pl-icon-btn" onClick={() => void duplicatePlan(plan.id)} aria-label={`Duplicate ${plan.name}`} title="Duplicate" data-testid="plans.duplicate">
          <TravelIcon name="copy" />
        </button>
        <button type="button" className="pl-icon-btn" onClick={() => void deletePlan(plan.id)} aria-label={`Delete ${plan.name}`} title="Delete" data-testid="plans.delete">
          <TravelIcon name="trash" />
        </button>
      </span>
    </li>
  );
}
