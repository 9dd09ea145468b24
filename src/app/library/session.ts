/**
 * The plan library's life in a tab: start-up (migration of the old single plan, the last plan coming
 * back, recovery of unsaved edits), autosave of the open plan to its record, and watching other tabs.
 *
 * Saving, in order: (1) a crash copy `{ id, base, at, plan }` goes to localStorage synchronously, (2) the
 * record is saved as revision `base + 1` only if it is still at `base` (`commitPlan`), (3) the crash copy
 * is removed and other tabs are told (BroadcastChannel). On start, a crash copy still there means step 2
 * did not happen: when the record is still at `base` the copy is newer and is saved; when the record
 * moved on, another tab saved meanwhile and the copy is kept as a separate "(recovered)" plan. A copy
 * that cannot be read is set aside, as it was stored, for Plans → Unreadable copies (see `unreadable.ts`).
 */
import { examplePlan } from '../../core/examples/example-plan.ts';
import { useAppStore } from '../store/index.ts';
import { commitPlan, isQuotaError, listPlans, makeRecord, openLibrary, putRecord, readPlan } from './db.ts';
import type { PlanRecord } from './db.ts';
import { parsePlan } from '../../core/schema/index.ts';
import { samePlan, stableJson, withView } from './plans.ts';
import { WORKING_PREFIX, setAsideKey } from './crashCopy.ts';
import { LAST_KEY, loadIntoStore, readLocal, readTabPlan, readWorking, session, useLibrary, writeLocal, writeTabPlan } from './state.ts';
import { shortReason } from './unreadable.ts';

const DEBOUNCE_MS = 400;
const CHANNEL = 'portolan.library';

type Message = { type: 'saved'; id: string; revision: number } | { type: 'list' } | { type: 'deleted'; id: string };

let initPromise: Promise<void> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let channel: BroadcastChannel | null = null;
/** Saves queued or running. */
let inFlight = 0;

const app = () => useAppStore.getState();

/** Resolves once the library has decided which plan is open (immediately usable after that). */
export function libraryReady(): Promise<void> {
  return initPromise ?? Promise.resolve();
}

export function broadcast(message: Message): void {
  try {
    channel?.postMessage(message);
  } catch {
    /* the other tabs will notice at their next save */
  }
}

export async function refreshList(): Promise<void> {
  if (!session.db) return;
  useLibrary.setState({ plans: await listPlans(session.db) });
}

/** Make `record` the open plan of this tab. */
export function adopt(record: PlanRecord, options: { keepView?: boolean } = {}): void {
  point(record);
  const state = app();
  if (samePlan(record.plan, state.plan)) {
    session.savedPlan = state.plan;
    session.savedView = state.view;
  } else {
    loadIntoStore(record.plan, options);
  }
}

/** Make `record` this tab's open library plan, leaving the store as it is. */
export function point(record: PlanRecord): void {
  session.base = record.revision;
  useLibrary.setState({ currentId: record.id, conflict: null });
  writeLocal(LAST_KEY, record.id);
  writeTabPlan(record.id);
}

async function init(): Promise<void> {
  try {
    session.db = await openLibrary();
  } catch (e) {
    useLibrary.setState({ status: 'unavailable', unavailableReason: e instanceof Error ? e.message : String(e) });
    return;
  }
  const db = session.db;
  try {
    const plans = await listPlans(db);
    if (plans.length === 0) {
      // First start with a library: the plan the app opened (the old single saved plan, or the example) moves in.
      const { plan, view } = app();
      const record = makeRecord(withView(plan, view));
      await putRecord(db, record);
      adopt(record);
    } else {
      const last = readTabPlan() ?? readLocal(LAST_KEY);
      const order = [...plans.filter((p) => p.id === last), ...plans.filter((p) => p.id !== last)];
      let record: PlanRecord | null = null;
      for (const { id } of order) {
        const read = await readPlan(db, id);
        if (read.ok) {
          record = read.record;
          break;
        }
        if (read.reason === 'unreadable') app().toast(`The saved plan "${plans.find((p) => p.id === id)?.name ?? id}" could not be opened (${shortReason(read.message)}). It is still in the library: open Plans → Unreadable copies to download it.`, 'error');
      }
      if (!record) {
        record = makeRecord(examplePlan());
        await putRecord(db, record);
      }
      adopt(await recoverWorkingCopy(record));
    }
    useLibrary.setState({ status: 'ready' });
    await refreshList();
  } catch (e) {
    useLibrary.setState({ status: 'unavailable', unavailableReason: e instanceof Error ? e.message : String(e) });
  }
}

/** Unsaved edits from the last session (see the module comment). Returns the record to open. */
async function recoverWorkingCopy(record: PlanRecord): Promise<PlanRecord> {
  if (!session.db) return record;
  const text = readLocal(WORKING_PREFIX + record.id);
  if (text === null) return record;
  const working = readWorking(record.id);
  // A copy that is not even JSON of the right shape (a damaged write) is set aside the same way.
  const parsed = working ? parsePlan(working.plan) : undefined;
  if (!working || !parsed?.ok) {
    // Never thrown away: set aside as stored, under a key of its own (a newer release may read it), and say where.
    const kept = writeLocal(setAsideKey(record.id, (key) => readLocal(key) !== null), text);
    if (kept) writeLocal(WORKING_PREFIX + record.id, null);
    const where = kept ? 'They are kept: open Plans → Unreadable copies to download them.' : 'The browser’s storage is too full to keep them aside: the next save of this plan replaces them.';
    const why = parsed && !parsed.ok ? shortReason(parsed.error.message) : 'the stored text is damaged';
    app().toast(`Unsaved changes to "${record.name}" from another session cannot be read (${why}). ${where}`, 'error');
    return record;
  }
  writeLocal(WORKING_PREFIX + record.id, null);
  if (stableJson(parsed.plan) === stableJson(record.plan)) return record;
  if (record.revision === working.base) {
    const saved = await commitPlan(session.db, record.id, record.revision, parsed.plan);
    return saved.ok ? saved.record : record;
  }
  if (samePlan(parsed.plan, record.plan)) return record;
  const copy = makeRecord({ ...parsed.plan, name: `${parsed.plan.name} (recovered)` });
  await putRecord(session.db, copy);
  app().toast(`Unsaved changes to "${record.name}" from another session were kept as "${copy.name}" (the plan had changed meanwhile).`, 'info');
  return record;
}

/** Save the open plan now if it changed since the last save. */
export function flush(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const lib = useLibrary.getState();
  const db = session.db;
  if (lib.status !== 'ready' || !db || !lib.currentId || lib.conflict || session.switching) return;
  const { plan, view } = app();
  if (plan === session.savedPlan && view === session.savedView) return;
  const id = lib.currentId;
  const doc = withView(plan, view);
  const crashCopy = JSON.stringify({ id, base: session.base, at: Date.now(), plan: doc });
  writeLocal(WORKING_PREFIX + id, crashCopy);
  session.savedPlan = plan;
  session.savedView = view;
  inFlight += 1;
  session.queue = session.queue.then(async () => {
    try {
      if (useLibrary.getState().currentId !== id) return;
      const result = await commitPlan(db, id, session.base, doc);
      if (!result.ok) {
        session.savedPlan = null;
        // The other tab's record goes through the parse door like any stored plan (a newer release may have saved it).
        const theirs = parsePlan(result.conflict.plan);
        useLibrary.setState({ conflict: theirs.ok ? { theirs: { ...result.conflict, plan: theirs.plan } } : { theirs: result.conflict, unreadable: shortReason(theirs.error.message) } });
        app().openDialog('conflict');
        return;
      }
      session.base = result.record.revision;
      if (readLocal(WORKING_PREFIX + id) === crashCopy) writeLocal(WORKING_PREFIX + id, null);
      const hadError = useLibrary.getState().storageError;
      useLibrary.setState({ lastSavedAt: result.record.updatedAt, storageError: null });
      if (hadError) app().toast('Saving works again: the plan is saved.', 'success');
      broadcast({ type: 'saved', id, revision: result.record.revision });
      const { plan: _p, ...summary } = result.record;
      useLibrary.setState((s) => ({ plans: [summary, ...s.plans.filter((p) => p.id !== id)] }));
    } catch (e) {
      session.savedPlan = null; // retry with the next change
      reportSaveError(e);
    } finally {
      inFlight -= 1;
    }
  });
}

export function reportSaveError(e: unknown): void {
  const quota = isQuotaError(e);
  const already = useLibrary.getState().storageError;
  const message = quota
    ? 'The browser’s storage for Portolan is full, so your latest changes are not saved in the plan library. Everything saved before is still there. Save the plan as a file now, or delete plans you no longer need; Portolan tries again with your next change.'
    : `Your latest changes could not be saved in the plan library (${e instanceof Error ? e.message : String(e)}). Everything saved before is still there. Save the plan as a file to be safe.`;
  useLibrary.setState({ storageError: { message, quota } });
  if (!already && !app().dialog) app().openDialog('storage-error');
}

/** Flush and wait until every save has landed (before switching plans). */
export async function flushNow(): Promise<void> {
  flush();
  await session.queue;
}

function hasUnsavedEdits(): boolean {
  const { plan } = app();
  return timer !== undefined || inFlight > 0 || plan !== session.savedPlan;
}

async function onMessage(message: Message): Promise<void> {
  const db = session.db;
  if (!db || session.switching) return;
  const { currentId, conflict } = useLibrary.getState();
  if (message.type === 'saved' && message.id === currentId && message.revision > session.base) {
    const read = await readPlan(db, message.id);
    // A switch to another plan may have started while the record was read.
    if (session.switching || useLibrary.getState().currentId !== message.id) return;
    if (!read.ok) {
      // A version this release cannot read (a newer release saved it): an open conflict must not offer the older one.
      if (read.reason === 'unreadable' && conflict) useLibrary.setState({ conflict: { theirs: { ...conflict.theirs, revision: message.revision }, unreadable: shortReason(read.message) } });
      return;
    }
    const theirs = read.record;
    if (conflict) {
      useLibrary.setState({ conflict: { theirs } });
    } else if (samePlan(theirs.plan, app().plan)) {
      session.base = theirs.revision;
    } else if (!hasUnsavedEdits()) {
      session.base = theirs.revision;
      loadIntoStore(theirs.plan, { keepView: true });
      app().toast(`"${theirs.name}" was updated with changes saved in another tab.`);
    } else {
      useLibrary.setState({ conflict: { theirs } });
      app().openDialog('conflict');
    }
  }
  if (message.type === 'deleted' && message.id === currentId) {
    app().toast('This plan was deleted in another tab. It is saved again if you keep editing it here.');
  }
  await refreshList();
}

/** Start the library (once) and autosave; returns the cleanup for React's effect. */
export function startLibrary(): () => void {
  if (!initPromise) {
    if (typeof BroadcastChannel !== 'undefined') channel = new BroadcastChannel(CHANNEL);
    initPromise = init();
  }
  const unsubscribe = useAppStore.subscribe((state, prev) => {
    if (state.plan === prev.plan && state.view === prev.view) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  const onHide = () => flush();
  const onChannel = (event: MessageEvent<Message>) => void onMessage(event.data);
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  channel?.addEventListener('message', onChannel);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
    channel?.removeEventListener('message', onChannel);
  };
}
