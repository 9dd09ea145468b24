/**
 * What Portolan keeps but cannot open, as Plans → Unreadable copies lists it: unsaved changes set aside
 * at start because they no longer pass the parse door (localStorage), and library records whose plan
 * fails it (IndexedDB). Pure: the helpers read a storage-like object or records already fetched.
 */
import { isRecord, parsePlan } from '../../core/schema/index.ts';
import { slugify } from './plans.ts';
import { setAsidePlanId } from './crashCopy.ts';

export interface Unreadable {
  /** `changes`: unsaved changes set aside in localStorage; `record`: a plan in the library. */
  source: 'changes' | 'record';
  /** Where it is kept: the localStorage key of set-aside changes, the id of a library record. */
  key: string;
  /** The library plan it belongs to. */
  planId: string;
  /** The plan's name when it can be found, else its id. */
  name: string;
  /** When the changes were made or the record last saved (ms since the epoch), when known. */
  at: number | null;
  /** Why it cannot be opened, short; null when this version of Portolan can read it after all. */
  reason: string | null;
  /** What is kept, as Download saves it. */
  text: string;
}

/** The part of `Storage` the listing reads. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
}

const MAX_REASON = 140;

/** A parse error message cut to a few lines of the list or a toast (the kinds a field accepts can fill many). */
export function shortReason(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_REASON ? line : `${line.slice(0, MAX_REASON - 1).trimEnd()}…`;
}

function reasonFor(plan: unknown): string | null {
  const parsed = parsePlan(plan);
  return parsed.ok ? null : shortReason(parsed.error.message);
}

function nameIn(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function nameOf(plan: unknown): string | null {
  return isRecord(plan) ? nameIn(plan.name) : null;
}

function timeOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The set-aside changes in `storage`, each with its text exactly as stored. `names` gives the library's
 * name of a plan whose changes carry none.
 */
export function setAsideChanges(storage: StorageLike, names: ReadonlyMap<string, string>): Unreadable[] {
  const found: Unreadable[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const planId = key === null ? null : setAsidePlanId(key);
    if (key === null || planId === null) continue;
    const text = storage.getItem(key);
    if (text === null) continue;
    let copy: unknown;
    try {
      copy = JSON.parse(text);
    } catch {
      copy = undefined;
    }
    const plan = isRecord(copy) ? copy.plan : undefined;
    found.push({
      source: 'changes',
      key,
      planId,
      name: nameOf(plan) ?? names.get(planId) ?? planId,
      at: isRecord(copy) ? timeOf(copy.at) : null,
      reason: copy === undefined ? 'The stored text is not JSON.' : reasonFor(plan),
      text,
    });
  }
  return found;
}

/** What a stored record keeps, in the shape a damaged one may have. */
export interface StoredRecord {
  id: string;
  name?: unknown;
  updatedAt?: unknown;
  plan?: unknown;
}

/** The records whose plan fails the parse door; each one's text is its plan as pretty JSON. */
export function unreadableRecords(records: readonly StoredRecord[]): Unreadable[] {
  const found: Unreadable[] = [];
  for (const record of records) {
    const reason = reasonFor(record.plan);
    if (reason === null) continue;
    found.push({
      source: 'record',
      key: record.id,
      planId: record.id,
      name: nameIn(record.name) ?? nameOf(record.plan) ?? record.id,
      at: timeOf(record.updatedAt),
      reason,
      text: `${JSON.stringify(record.plan ?? null, null, 2)}\n`,
    });
  }
  return found;
}

/** Newest first; those without a time last. */
export function byNewest(a: Unreadable, b: Unreadable): number {
  return (b.at ?? -Infinity) - (a.at ?? -Infinity) || a.key.localeCompare(b.key);
}

/** `Corp HA` → `corp-ha.json` for a record, `corp-ha-unsaved-changes.json` for set-aside changes. */
export function downloadName(entry: Unreadable): string {
  return `${slugify(entry.name)}${entry.source === 'changes' ? '-unsaved-changes' : ''}.json`;
}
