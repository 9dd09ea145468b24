/** The app shell: toolbar, palette, canvas, inspector, rules and findings. */
import { Suspense, lazy, useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/layout.css';
import './styles/canvas.css';
import './styles/panels.css';
import { Canvas } from './canvas/Canvas.tsx';
import { Dialogs } from './dialogs/Dialogs.tsx';
import { ExportDialog } from './export/ExportDialog.tsx';
import { useApplyTheme } from './hooks/useResolvedTheme.ts';
import { useShortcuts } from './hooks/useShortcuts.ts';
import { BottomPanel } from './panels/bottom/BottomPanel.tsx';
import { Palette } from './panels/Palette.tsx';
import { startAutosave } from './store/autosave.ts';
import { loadChecks } from './store/derived.ts';
import { startupNotice, useAppStore } from './store/index.ts';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { PanelBoundary } from './ui/PanelBoundary.tsx';
import { Toasts } from './ui/Toasts.tsx';
import { TravelHost } from './share/TravelHost.tsx';
import { EmptyStart } from './templates/EmptyStart.tsx';

// The inspector's schema-driven forms are not needed to paint the canvas: they load right after.
const Inspector = lazy(() => import('./panels/inspector/Inspector.tsx').then((m) => ({ default: m.Inspector })));

function InspectorLoading() {
  return (
    <aside className="pl-inspector" aria-label="Inspector" aria-busy="true">
      <p className="pl-inspector__loading">Loading the inspector…</p>
    </aside>
  );
}

export function App() {
  useApplyTheme();
  useShortcuts();
  useEffect(() => startAutosave(), []);
  // The checks and their texts are a chunk of their own, fetched once the first render is on screen.
  useEffect(() => void loadChecks(), []);
  useEffect(() => {
    if (startupNotice) useAppStore.getState().toast(startupNotice, 'error');
  }, []);
  return (
    <ReactFlowProvider>
      <div className="pl-app">
        <Toolbar />
        <Palette />
        <main className="pl-main" aria-label="Canvas">
          <Canvas />
          <EmptyStart />
        </main>
        <PanelBoundary what="the inspector" className="pl-inspector" label="Inspector">
          <Suspense fallback={<InspectorLoading />}>
            <Inspector />
          </Suspense>
        </PanelBoundary>
        <BottomPanel />
      </div>
      <Toasts />
      <Dialogs />
      <TravelHost />
      <ExportDialog />
    </ReactFlowProvider>
  );
}
