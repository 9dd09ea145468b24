/**
 * Everything that lets plans travel and keeps them safe, mounted once inside the React Flow provider:
 * the plan library (start-up and autosave), incoming share links, files (keys, drop, picker) and their
 * dialogs.
 */
import { Suspense, lazy, useEffect } from 'react';
import './travel.css';
import { FilesHost } from '../files/FilesHost.tsx';
import { LibraryNotices } from '../library/LibraryNotices.tsx';
import { startLibrary } from '../library/session.ts';
import { useAppStore } from '../store/index.ts';
import { takeLinkFromAddress } from './addressLink.ts';

// Templates (every template plan), imports (the YAML parser), the library list and the dialogs for
// plans arriving from outside load only when their dialog opens, which keeps them out of the
// JavaScript needed for first paint.
const TemplatesDialog = lazy(() => import('../templates/TemplatesDialog.tsx').then((m) => ({ default: m.TemplatesDialog })));
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));
const ImportDialog = lazy(() => import('../import/ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));
const PlansDialog = lazy(() => import('../library/PlansDialog.tsx').then((m) => ({ default: m.PlansDialog })));
const IncomingDialogs = lazy(() => import('./IncomingDialogs.tsx').then((m) => ({ default: m.IncomingDialogs })));

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
      <Suspense fallback={null}>
        {(dialog === 'incoming' || dialog === 'plan-error') && <IncomingDialogs />}
        {dialog === 'plans' && <PlansDialog />}
        {dialog === 'templates' && <TemplatesDialog />}
        {dialog === 'import' && <ImportDialog />}
        {dialog === 'share' && <ShareDialog />}
      </Suspense>
      <LibraryNotices />
    </>
  );
}
