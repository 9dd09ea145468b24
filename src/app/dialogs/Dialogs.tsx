/** The app's dialogs: New plan confirmation, the keyboard shortcut sheet, and Find. */
import { Suspense, lazy } from 'react';
import { newPlan, openExample } from '../commands.ts';
import { useAppStore } from '../store/index.ts';
import { SHORTCUTS, displayKey } from '../shortcuts.ts';
import { Dialog } from './Dialog.tsx';

// Find loads when first opened, out of the JavaScript needed for first paint.
const FindDialog = lazy(() => import('./FindDialog.tsx').then((m) => ({ default: m.FindDialog })));

export function Dialogs() {
  const dialog = useAppStore((s) => s.dialog);
  const close = () => useAppStore.getState().openDialog(null);
  return (
    <>
      <Dialog open={dialog === 'new-plan'} title="Start a new plan?" onClose={close} testId="dialog.new-plan">
        <p>
          This browser does not let Portolan keep a library of plans, so the current plan will be replaced by an empty one. You can still
          bring it back with Undo (Ctrl+Z) until you reload; save it as a file first to keep it.
        </p>
        <div className="pl-dialog__actions">
          <button type="button" className="pl-btn" onClick={() => { close(); openExample(); }} data-testid="dialog.new-plan.example">
            Open the example instead
          </button>
          <span className="pl-tabs__spacer" />
          <button type="button" className="pl-btn" onClick={close} autoFocus data-testid="dialog.new-plan.cancel">
            Cancel
          </button>
          <button type="button" className="pl-btn pl-btn--danger" onClick={() => { close(); newPlan(); }} data-testid="dialog.new-plan.confirm">
            Discard and start new
          </button>
        </div>
      </Dialog>
      <Suspense fallback={null}>{dialog === 'find' && <FindDialog />}</Suspense>
      <Dialog open={dialog === 'shortcuts'} title="Keyboard shortcuts" onClose={close} testId="dialog.shortcuts" wide>
        <table className="pl-shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.label}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? <span className="pl-muted"> or </span> : null}
                      <kbd>{displayKey(k)}</kbd>
                    </span>
                  ))}
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Dialog>
    </>
  );
}
