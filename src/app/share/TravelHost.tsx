/**
 * Everything that lets plans travel and keeps them safe, mounted once inside the React Flow provider:
 * the plan library (start-up and autosave), incoming share links, files (keys, drop, picker) and their
 * dialogs.
 */
import { Suspense, lazy, useEffect } from 'react';
import './travel.css';
import { FilesHost } from '../files/FilesHost.tsx';
import { startLibrary } from '../library/session.ts';
import { useAppStore } from '../store/index.ts';
import { PanelBoundary } from '../ui/PanelBoundary.tsx';
import { IncomingDialogs } from './IncomingDialogs.tsx';
import { takeLinkFromAddress } from './addressLink.ts';

// Templates (every template plan), imports (the YAML parser) and the library list load only when
// their dialog opens, which keeps them out of the JavaScript needed for first paint. The dialogs for
// plans arriving from outside stay eager: a shared link is opened at start, and a lazy dialog there
// delayed the plan on screen by about 0.7 s (canvas benchmark).
const TemplatesDialog = lazy(() => import('../templates/TemplatesDialog.tsx').then((m) => ({ default: m.TemplatesDialog })));
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));
const ImportDialog = lazy(() => import('../import/ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));
const PlansDialog = lazy(() => import('../library/PlansDialog.tsx').then((m) => ({ default: m.PlansDialog })));
// The library's notices (storage full, a change from another tab, undo delete) load right after first paint.
const LibraryNotices = lazy(() => import('../library/LibraryNotices.tsx').then((m) => ({ default: m.LibraryNotices })));

export function TravelHost() {
  const dialog = useAppStore((s) => s.dialog);
  useEffect(() => startLibrary(), []);
  useEffect(() => {
    takeLinkFromAddress();
    window.addEventListener('hashchange', takeLinkFromAddress);
    return () => window.removeEventListener('hashchange', takeLinkFromAddress);
  }, []);
  return (
    <>
      <FilesHost />
      <IncomingDialogs />
      {/* A dialog whose code cannot load says so in a notice with a reload, instead of the crash screen. */}
      <PanelBoundary key={dialog ?? ''} what="this dialog" className="pl-chunk-error" label="Dialog" onDismiss={() => useAppStore.getState().openDialog(null)}>
        <Suspense fallback={null}>
          {dialog === 'plans' && <PlansDialog />}
          {dialog === 'templates' && <TemplatesDialog />}
          {dialog === 'import' && <ImportDialog />}
          {dialog === 'share' && <ShareDialog />}
        </Suspense>
      </PanelBoundary>
      <Suspense fallback={null}>
        <LibraryNotices />
      </Suspense>
    </>
  );
}
