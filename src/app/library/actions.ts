/** What the user does with library plans: open, open as new, rename, duplicate, delete (with undo), resolve a conflict. */
import type { Plan } from '../../core/schema/index.ts';
import { emptyPlan } from '../store/planOps.ts';
import { useAppStore } from '../store/index.ts';
import { deleteRecord, listPlans, makeRecord, putRecord, readPlan } from './db.ts';
import type { PlanRecord } from './db.ts';
import { withView } from './plans.ts';
import { adopt, broadcast, flush, flushNow, libraryReady, point, refreshList, reportSaveError } from './session.ts';
import { WORKING_PREFIX } from './crashCopy.ts';
import { loadIntoStore, session, useLibrary, writeLocal } from './state.ts';

const app = () => useAppStore.getState();
/** How long "Undo" stays offered after a deletion. */
export const UNDO_DELETE_MS = 8000;
let undoTimer: ReturnType<typeof setTimeout> | undefined;

function usable(): boolean {
  return useLibrary.getState().status === 'ready' && session.db !== null;
}

/** Open a library plan in place of the current one (which stays saved in the library). */
export async function openPlan(id: string): Promise<boolean> {
  if (!usable() || !session.db) return false;
  if (id === useLibrary.getState().currentId) return true;
  await flushNow();
  const read = await readPlan(session.db, id);
  if (!read.ok) {
    app().toast(read.reason === 'missing' ? 'That plan is no longer in the library (deleted in another tab?).' : `That plan cannot be opened: ${read.message}`, 'error');
    await refreshList();
    return false;
  }
  adopt(read.record);
  return true;
}

/** Whether plans can be opened as new library plans (else they replace the open one). */
export function libraryUsable(): boolean {
  return usable();
}

/**
 * Open `plan` as a new library plan; the current plan stays in the library. The new plan is on screen
 * at once (it can be edited straight away); its record is created after the current plan's last save,
 * and edits made meanwhile are saved to the new record. Without a library (storage blocked) the plan
 * replaces the current one instead, as one undo step, and the user is told.
 */
export function openAsNew(plan: Plan, done = `Opened "${plan.name}" as a new plan. Your previous plan is in Plans.`): Promise<void> {
  // One switch at a time: a second New plan while the first record is being created waits its turn,
  // so no switch ever saves into another switch's record.
  const run = switches.then(() => switchTo(plan, done));
  switches = run.catch(() => undefined);
  return run;
}

let switches: Promise<void> = Promise.resolve();

async function switchTo(plan: Plan, done: string): Promise<void> {
  if (useLibrary.getState().status === 'starting') await libraryReady();
  const db = session.db;
  if (!usable() || !db) {
    app().replacePlan(plan);
    app().toast(`Opened "${plan.name}" in place of the current plan (this browser keeps only one plan here). Undo brings the previous one back.`);
    return;
  }
  const previousId = useLibrary.getState().currentId;
  const previous = withView(app().plan, app().view);
  // Its undo history, given back with it if the switch fails.
  const { pastStates, futureStates } = useAppStore.temporal.getState();
  flush(); // queues the current plan's save under its own record
  const record = makeRecord(plan);
  session.switching = true;
  loadIntoStore(plan);
  let outcome = 'failed' as 'created' | 'conflict' | 'failed';
  session.queue = session.queue.then(async () => {
    try {
      // The previous plan's last save met a change from another tab: resolve that first, on that plan.
      if (useLibrary.getState().conflict) {
        outcome = 'conflict';
        return;
      }
      await putRecord(db, record);
      outcome = 'created';
      point(record);
    } catch (e) {
      reportSaveError(e);
    } finally {
      session.switching = false;
    }
  });
  await session.queue;
  if (outcome !== 'created') {
    // The previous plan is still the open record: put it back on screen, never save over it.
    if (useLibrary.getState().currentId === previousId) {
      loadIntoStore(previous);
      useAppStore.temporal.setState({ pastStates, futureStates });
      // Its last edits may not be saved (full storage, conflict): keep them counted as unsaved.
      session.savedPlan = null;
      if (outcome === 'conflict') app().openDialog('conflict');
    }
    app().toast(`"${plan.name}" was not opened: ${outcome === 'conflict' ? 'your plan changed in another tab meanwhile; choose which version to keep first' : 'it could not be saved in this browser'}.`, 'error');
    return;
  }
  flush(); // edits made while the record was being created
  broadcast({ type: 'list' });
  await refreshList();
  app().toast(done, 'success');
}

export async function renamePlan(id: string, name: string): Promise<void> {
  const clean = name.trim();
  if (!clean || !session.db) return;
  if (id === useLibrary.getState().currentId) {
    app().editPlan((p) => (p.name === clean ? p : { ...p, name: clean }));
    await flushNow();
    return;
  }
  const read = await readPlan(session.db, id);
  if (!read.ok) return;
  const record: PlanRecord = { ...read.record, name: clean, plan: { ...read.record.plan, name: clean }, revision: read.record.revision + 1, updatedAt: Date.now() };
  try {
    await putRecord(session.db, record);
  } catch (e) {
    reportSaveError(e);
    return;
  }
  broadcast({ type: 'saved', id, revision: record.revision });
  await refreshList();
}

export async function duplicatePlan(id: string): Promise<void> {
  if (!session.db) return;
  if (id === useLibrary.getState().currentId) await flushNow();
  const read = await readPlan(session.db, id);
  if (!read.ok) return;
  const copy = makeRecord({ ...read.record.plan, name: `${read.record.name} (copy)` });
  try {
    await putRecord(session.db, copy);
  } catch (e) {
    reportSaveError(e);
    return;
  }
  broadcast({ type: 'list' });
  await refreshList();
  app().toast(`Duplicated as "${copy.name}".`, 'success');
}

/** Delete a plan; "Undo" is offered for a few seconds. Deleting the open plan opens the most recent other one. */
export async function deletePlan(id: string): Promise<void> {
  if (!session.db) return;
  const wasCurrent = id === useLibrary.getState().currentId;
  if (wasCurrent) await flushNow();
  const read = await readPlan(session.db, id);
  if (!read.ok) return;
  await deleteRecord(session.db, id);
  writeLocal(WORKING_PREFIX + id, null);
  if (wasCurrent) {
    const rest = await listPlans(session.db);
    const next = rest[0] ? await readPlan(session.db, rest[0].id) : null;
    if (next?.ok) adopt(next.record);
    else {
      const fresh = makeRecord(emptyPlan());
      await putRecord(session.db, fresh);
      adopt(fresh);
    }
  }
  useLibrary.setState({ deleted: { record: read.record, wasCurrent } });
  if (undoTimer !== undefined) clearTimeout(undoTimer);
  undoTimer = setTimeout(() => useLibrary.setState({ deleted: null }), UNDO_DELETE_MS);
  broadcast({ type: 'deleted', id });
  await refreshList();
}

export async function undoDelete(): Promise<void> {
  const deleted = useLibrary.getState().deleted;
  if (!deleted || !session.db) return;
  if (undoTimer !== undefined) clearTimeout(undoTimer);
  useLibrary.setState({ deleted: null });
  await putRecord(session.db, deleted.record);
  broadcast({ type: 'list' });
  await refreshList();
  if (deleted.wasCurrent) await openPlan(deleted.record.id);
  app().toast(`Restored "${deleted.record.name}".`, 'success');
}

export function dismissDeleted(): void {
  if (undoTimer !== undefined) clearTimeout(undoTimer);
  useLibrary.setState({ deleted: null });
}

/** Conflict: take the version the other tab saved (this tab's unsaved changes are dropped). */
export function loadTheirs(): void {
  const conflict = useLibrary.getState().conflict;
  if (!conflict || conflict.unreadable !== undefined) return;
  session.base = conflict.theirs.revision;
  loadIntoStore(conflict.theirs.plan, { keepView: true });
  writeLocal(WORKING_PREFIX + conflict.theirs.id, null);
  useLibrary.setState({ conflict: null });
  app().toast(`Loaded the version of "${conflict.theirs.name}" saved in the other tab.`);
}

/** Conflict: keep this tab's version as a new plan; the other tab's version stays under the original. */
export async function keepMineAsCopy(): Promise<void> {
  const conflict = useLibrary.getState().conflict;
  if (!conflict || !session.db) return;
  const { plan, view } = app();
  const name = `${plan.name} (my copy)`;
  const record = makeRecord(withView({ ...plan, name }, view));
  try {
    await putRecord(session.db, record);
  } catch (e) {
    reportSaveError(e);
    return;
  }
  writeLocal(WORKING_PREFIX + conflict.theirs.id, null);
  useLibrary.setState({ conflict: null });
  adopt(record, { keepView: true });
  broadcast({ type: 'list' });
  await refreshList();
  app().toast(`Your version is saved as "${name}"; the other tab’s version stays as "${conflict.theirs.name}".`, 'success');
}
