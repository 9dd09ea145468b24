/**
 * Where the plan to compare with comes from: a file, a share link, or a plan of the library. Each goes
 * through the same door as opening it (`parsePlanText` / `decodeShareFragment` / the library's read),
 * and fails with the door's own message.
 */
import type { ParseResult, Plan } from '../../core/schema/index.ts';
import { parsePlanText } from '../../core/schema/index.ts';
import { decodeShareFragment } from '../../core/share/index.ts';
import { readPlan } from '../library/db.ts';
import { session } from '../library/state.ts';

export type Loaded = { ok: true; plan: Plan; label: string } | { ok: false; message: string };

function fromParse(result: ParseResult, label: string): Loaded {
  if (result.ok) return { ok: true, plan: result.plan, label };
  const issues = result.error.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
  return { ok: false, message: `${label}: ${result.error.message}${issues.length > 0 ? ` (${issues.join('; ')})` : ''}` };
}

export async function loadFile(file: File): Promise<Loaded> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, message: `The file ${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  return fromParse(parsePlanText(text), `file ${file.name}`);
}

export function loadLink(link: string): Loaded {
  if (link.trim() === '') return { ok: false, message: 'Paste a Portolan share link first.' };
  return fromParse(decodeShareFragment(link.trim()), 'share link');
}

export async function loadLibraryPlan(id: string, name: string): Promise<Loaded> {
  const db = session.db;
  if (!db) return { ok: false, message: 'The plan library is not available in this browser.' };
  const read = await readPlan(db, id);
  if (read.ok) return { ok: true, plan: read.record.plan, label: `library plan “${name}”` };
  return { ok: false, message: read.reason === 'missing' ? `The library plan “${name}” is gone.` : `The library plan “${name}” cannot be read: ${read.message}` };
}
