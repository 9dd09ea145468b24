/**
 * Everything that lets plans travel and keeps them safe, mounted once inside the React Flow provider:
 * the plan library (start-up and autosave), incoming share links, files (keys, drop, picker) and their
 * dialogs.
 */
import { useEffect } from 'react';
import './travel.css';
import { FilesHost } from '../files/FilesHost.tsx';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { LibraryNotices } from '../library/LibraryNotices.tsx';
import { PlansDialog } from '../library/PlansDialog.tsx';
import { startLibrary } from '../library/session.ts';
import { TemplatesDialog } from '../templates/TemplatesDialog.tsx';
import { IncomingDialogs } from './IncomingDialogs.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { takeLinkFromAddress } from './shareLink.ts';

export function TravelHost() {
  useEffect(() => startLibrary(), []);
  useEffect(() => {
    takeLinkFromAddress();
    window.addEventListener('hashchange', takeLinkFromAddress);
    return () => window.removeEventListener('hashchange', takeLinkFromAddress);
  }, []);
  return (
    <>
      <FilesHost />
      <ShareDialog />
      <IncomingDialogs />
      <PlansDialog />
      <TemplatesDialog />
      <ImportDialog />
      <LibraryNotices />
    </>
  );
}
