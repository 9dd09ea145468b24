/**
 * The plan library in IndexedDB (through `idb`, https://github.com/jakearchibald/idb): one record per plan.
 *
 * Each record carries a `revision` that goes up by one on every save. A save names the revision it
 * started from (`base`) and is refused when the stored record has moved on: that is how two tabs editing
 * the same plan notice each other instead of silently overwriting (see `session.ts`).
 * Plans read back go through `parsePlan`, the one door for untrusted plans.
 */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import { parsePlan } from '../../core/schema/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { nodeCount } from './plans.ts';

export const DB_NAME = 'portolan';
const DB_VERSION = 1;

export interface PlanRecord {
  id: string;
  name: string;
  /** ms since the epoch. */
  createdAt: number;
  updatedAt: number;
  nodeCount: number;
  revision: number;
  /** The plan with its last view, as JSON-safe data. */
  plan: Plan;
}

export type PlanSummary = Omit<PlanRecord, 'plan'>;

interface LibrarySchema extends DBSchema {
  plans: { key: string; value: PlanRecord; indexes: { updatedAt: number } };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;

export async function openLibrary(): Promise<LibraryDb> {
  return openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      const store = db.createObjectStore('plans', { keyPath: 'id' });
      store.createIndex('updatedAt', 'updatedAt');
    },
  });
}

export function newPlanId(): string {
  return `plan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function makeRecord(plan: Plan, id = newPlanId()): PlanRecord {
  const now = Date.now();
  return { id, name: plan.name, createdAt: now, updatedAt: now, nodeCount: nodeCount(plan), revision: 1, plan };
}

/** Newest first. */
export async function listPlans(db: LibraryDb): Promise<PlanSummary[]> {
  const all = await db.getAll('plans');
  return all.map(({ plan: _plan, ...summary }) => summary).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** A record whose plan passed the parse door again (a damaged record reads as `unreadable`). */
export type ReadResult = { ok: true; record: PlanRecord } | { ok: false; reason: 'missing' } | { ok: false; reason: 'unreadable'; message: string };

export async function readPlan(db: LibraryDb, id: string): Promise<ReadResult> {
  const record = await db.get('plans', id);
  if (!record) return { ok: false, reason: 'missing' };
  const parsed = parsePlan(record.plan);
  if (!parsed.ok) return { ok: false, reason: 'unreadable', message: parsed.error.message };
  return { ok: true, record: { ...record, plan: parsed.plan } };
}

export async function putRecord(db: LibraryDb, record: PlanRecord): Promise<void> {
  await db.put('plans', record);
}

export async function deleteRecord(db: LibraryDb, id: string): Promise<void> {
  await db.delete('plans', id);
}

/** Every record as stored, its plan not yet through the parse door (to find the ones that fail it). */
export async function storedRecords(db: LibraryDb): Promise<PlanRecord[]> {
  return db.getAll('plans');
}

/**
 * Delete record `id` only if `still(record)` holds for it as stored, checked in the same transaction as
 * the deletion (another tab may have saved over it meanwhile). Returns whether it was deleted.
 */
export async function deleteRecordIf(db: LibraryDb, id: string, still: (record: PlanRecord) => boolean): Promise<boolean> {
  const tx = db.transaction('plans', 'readwrite');
  const current = await tx.store.get(id);
  if (!current || !still(current)) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return false;
  }
  await tx.store.delete(id);
  await tx.done;
  return true;
}

export type CommitResult = { ok: true; record: PlanRecord } | { ok: false; conflict: PlanRecord };

/**
 * Save `plan` as the next revision of record `id`, only if the record is still at `base`
 * (compare-and-set in one transaction). A record deleted meanwhile is written again: nothing is lost.
 */
export async function commitPlan(db: LibraryDb, id: string, base: number, plan: Plan): Promise<CommitResult> {
  const tx = db.transaction('plans', 'readwrite');
  const current = await tx.store.get(id);
  if (current && current.revision !== base) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return { ok: false, conflict: current };
  }
  const record: PlanRecord = {
    ...(current ?? makeRecord(plan, id)),
    name: plan.name,
    nodeCount: nodeCount(plan),
    updatedAt: Date.now(),
    revision: (current?.revision ?? base) + 1,
    plan,
  };
  await tx.store.put(record);
  await tx.done;
  return { ok: true, record };
}

/** True for the browser's "storage is full" error, whatever engine raised it. */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof DOMException !== 'undefined' && error instanceof DOMException)) return false;
  const e = error as { name?: string; code?: number; message?: string };
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || /quota/i.test(e.message ?? '');
}
