/** Plans → Unreadable copies: look up what Portolan keeps but cannot open, download it, discard it. */
import { downloadBlob, textBlob } from '../export/download.ts';
import { useAppStore } from '../store/index.ts';
import { setAsidePlanId } from './crashCopy.ts';
import { deleteRecordIf, storedRecords } from './db.ts';
import type { PlanRecord } from './db.ts';
import { broadcast, refreshList } from './session.ts';
import { localStore, readLocal, session, useLibrary, writeLocal } from './state.ts';
import { byNewest, downloadName, setAsideChanges, unreadableRecords } from './unreadable.ts';
import type { Unreadable } from './unreadable.ts';

const app = () => useAppStore.getState();

/**
 * Revision of each record last found readable: a revision passes the parse door once per tab, since a
 * library of large plans takes a noticeable time to parse whole every time Plans opens.
 */
const readable = new Map<string, number>();

export async function refreshUnreadable(): Promise<void> {
  const names = new Map(useLibrary.getState().plans.map((p) => [p.id, p.name]));
  let changes: Unreadable[] = [];
  try {
    const store = localStore();
    if (store) changes = setAsideChanges(store, names);
  } catch {
    /* storage refused while listing: nothing to show from it */
  }
  let records: PlanRecord[] = [];
  try {
    if (session.db) records = (await storedRecords(session.db)).filter((r) => readable.get(r.id) !== r.revision);
  } catch {
    /* the library cannot be read just now: the next look-up tries again */
  }
  const damaged = unreadableRecords(records);
  for (const r of records) if (!damaged.some((d) => d.key === r.id)) readable.set(r.id, r.revision);
  useLibrary.setState({ unreadable: [...changes, ...damaged].sort(byNewest) });
}

/**
 * The outcomes below are returned for the Plans dialog to show, and toasted as well: behind the modal
 * dialog a toast is inert until it closes, then it still tells.
 */
function tell(message: string, tone: 'success' | 'error'): string {
  app().toast(message, tone);
  return message;
}

export function downloadUnreadable(entry: Unreadable): string {
  const name = downloadName(entry);
  downloadBlob(textBlob(entry.text, 'application/json'), name);
  // The browser may still ask or refuse: the download is started, not known to be saved.
  return tell(`Download started: "${name}" (see your browser's downloads).`, 'success');
}

/**
 * Remove this one entry, and only while it is still what the list showed: never the open plan, never a
 * record another tab has saved a readable plan over, never the live crash copy of a plan.
 */
export async function discardUnreadable(entry: Unreadable): Promise<string> {
  let discarded = false;
  if (entry.source === 'changes') {
    if (setAsidePlanId(entry.key) !== null && readLocal(entry.key) === entry.text) discarded = writeLocal(entry.key, null);
  } else if (session.db && entry.key !== useLibrary.getState().currentId) {
    try {
      discarded = await deleteRecordIf(session.db, entry.key, (record) => unreadableRecords([record])[0]?.text === entry.text);
    } catch (e) {
      return tell(`"${entry.name}" could not be discarded (${e instanceof Error ? e.message : String(e)}).`, 'error');
    }
    if (discarded) {
      broadcast({ type: 'deleted', id: entry.key });
      await refreshList();
    }
  }
  await refreshUnreadable();
  if (!discarded) return tell(`"${entry.name}" was not discarded: it changed meanwhile. Check the list again.`, 'error');
  return tell(entry.source === 'changes' ? `Discarded the unsaved changes to "${entry.name}".` : `Discarded the library plan "${entry.name}".`, 'success');
}
