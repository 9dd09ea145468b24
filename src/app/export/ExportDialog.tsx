/**
 * The Export dialog's frame. Its body (and with it the whole exporter registry) is loaded with
 * `React.lazy` when the dialog first opens, so none of it is in the JavaScript loaded before first paint.
 */
import { Suspense, lazy } from 'react';
import { Dialog } from '../dialogs/Dialog.tsx';
import { useAppStore } from '../store/index.ts';
import { PanelBoundary } from '../ui/PanelBoundary.tsx';
import './export.css';

const ExportPanel = lazy(() => import('./ExportPanel.tsx'));

export function ExportDialog() {
  const open = useAppStore((s) => s.dialog === 'export');
  return (
    <Dialog open={open} title="Export" onClose={() => useAppStore.getState().openDialog(null)} testId="dialog.export" className="pl-export-dialog">
      <PanelBoundary what="the exporters" className="pl-export__empty" label="Export">
        <Suspense fallback={<p className="pl-muted" role="status">Loading the exporters…</p>}>
          <ExportPanel />
        </Suspense>
      </PanelBoundary>
    </Dialog>
  );
}
