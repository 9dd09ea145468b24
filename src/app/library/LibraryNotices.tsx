/** What the library has to tell: Undo after a deletion, a conflict with another tab, a failed save. */
import { whenReallyClosed } from '../share/dialogClose.ts';
import { UiIcon } from '../canvas/icons.tsx';
import { Dialog } from '../dialogs/Dialog.tsx';
import { savePlanFile } from '../files/files.ts';
import { TravelIcon } from '../share/icons.tsx';
import { useAppStore } from '../store/index.ts';
import { dismissDeleted, keepMineAsCopy, loadTheirs, undoDelete } from './actions.ts';
import { useLibrary } from './state.ts';

function closer(name: 'conflict' | 'storage-error') {
  return () => {
    if (useAppStore.getState().dialog === name) useAppStore.getState().openDialog(null);
  };
}

export function LibraryNotices() {
  const dialog = useAppStore((s) => s.dialog);
  const { conflict, storageError, deleted } = useLibrary();
  return (
    <>
      {deleted && dialog !== 'plans' ? <UndoDelete name={deleted.record.name} className="pl-undo-toast" /> : null}
      <Dialog open={dialog === 'conflict' && conflict !== null} title="This plan was changed in another tab" onClose={whenReallyClosed('dialog.conflict', closer('conflict'))} testId="dialog.conflict" wide>
        {conflict ? (
          <>
            <p>
              “{conflict.theirs.name}” was saved in another tab or window while you had unsaved changes here. Portolan did not overwrite either version
              {conflict.unreadable === undefined ? ': choose which one to continue with.' : '.'}
            </p>
            {conflict.unreadable !== undefined ? (
              <p role="alert">
                This version of Portolan cannot open the other tab’s version ({conflict.unreadable}): it was probably saved by a newer release. Keep yours as a copy; the other
                version stays in the library (Plans → Unreadable copies).
              </p>
            ) : null}
            <div className="pl-dialog__actions pl-dialog__actions--wrap">
              {conflict.unreadable === undefined ? (
                <button type="button" className="pl-btn" onClick={() => { closer('conflict')(); loadTheirs(); }} data-testid="conflict.load-theirs">
                  Load the other tab’s version
                </button>
              ) : null}
              <span className="pl-tabs__spacer" />
              <button type="button" className="pl-btn pl-btn--primary" onClick={() => { closer('conflict')(); void keepMineAsCopy(); }} autoFocus data-testid="conflict.keep-mine">
                Keep mine as a copy
              </button>
            </div>
            <p className="pl-dialog__hint">Loading the other version drops your unsaved changes here. Keeping yours saves them as a new plan; the other version stays as it is.</p>
          </>
        ) : null}
      </Dialog>
      <Dialog open={dialog === 'storage-error' && storageError !== null} title={storageError?.quota ? 'Browser storage is full' : 'Could not save'} onClose={whenReallyClosed('dialog.storage-error', closer('storage-error'))} testId="dialog.storage-error" wide>
        {storageError ? (
          <>
            <div className="pl-callout pl-callout--error" role="alert">
              <TravelIcon name="alert" />
              <p data-testid="storage-error.message">{storageError.message}</p>
            </div>
            <div className="pl-dialog__actions pl-dialog__actions--wrap">
              <button type="button" className="pl-btn" onClick={() => useAppStore.getState().openDialog('plans')} data-testid="storage-error.plans">
                Open Plans
              </button>
              <span className="pl-tabs__spacer" />
              <button type="button" className="pl-btn" onClick={closer('storage-error')} data-testid="storage-error.close">
                Close
              </button>
              <button type="button" className="pl-btn pl-btn--primary" onClick={() => { savePlanFile(); closer('storage-error')(); }} autoFocus data-testid="storage-error.save-file">
                <TravelIcon name="save" /> Save as a file
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </>
  );
}

/** "Deleted X. Undo": a toast, or a bar inside the Plans dialog while it is open (a modal makes the rest inert). */
export function UndoDelete({ name, className }: { name: string; className: string }) {
  return (
    <div className={className} role="status" data-testid="plans.undo-toast">
      <span>Deleted “{name}”.</span>
      <button type="button" className="pl-btn pl-btn--small" onClick={() => void undoDelete()} data-testid="plans.undo-delete">
        Undo
      </button>
      <button type="button" className="pl-icon-btn" onClick={dismissDeleted} aria-label="Dismiss">
        <UiIcon name="close" size={14} />
      </button>
    </div>
  );
}
