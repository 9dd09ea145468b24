/**
 * Reads a plan from a file or standard input and sends it through the core's one door
 * (`parsePlanText`). Every failure becomes a `CliError` naming the file and the problem.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_PLAN_TEXT_BYTES, describeIssues, parsePlanText } from '../core/schema/index.ts';
import type { Plan } from '../core/schema/index.ts';
import { CliError, oneLine } from './errors.ts';

export interface LoadedPlan {
  /** How messages name the input: the path as given, or `stdin`. */
  label: string;
  plan: Plan;
  /** Migration notes (an older format version was upgraded). */
  notes: string[];
}

/** A UTF-8 file is at most 4 bytes per character: anything larger cannot fit the text cap. */
const MAX_PLAN_FILE_BYTES = MAX_PLAN_TEXT_BYTES * 4;

function fileProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a plan file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'no such file (a part of the path is not a directory)';
    default:
      return `cannot read it (${code || (error instanceof Error ? error.message : String(error))})`;
  }
}

function readPlanFile(path: string, cwd: string, label: string): Uint8Array {
  const full = resolve(cwd, path);
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) throw new CliError(`${label}: is a directory, not a plan file`);
    if (stat.size > MAX_PLAN_FILE_BYTES) throw new CliError(`${label}: the file is too large for a plan (${stat.size.toLocaleString('en')} bytes)`);
    return readFileSync(full);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${label}: ${fileProblem(error)}`);
  }
}

function decode(bytes: Uint8Array, label: string): string {
  try {
    // `fatal`: invalid UTF-8 is an error, not U+FFFD; a leading BOM is dropped by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${label}: not UTF-8 text (a plan is a UTF-8 JSON file)`);
  }
}

/** `The plan is not valid: …` → `the plan is not valid: …` (it follows `portolan: FILE:`). */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Parse plan text; on failure throw one line naming the input and the first problem. */
export function parsePlanInput(text: string, label: string): LoadedPlan {
  const parsed = parsePlanText(text);
  if (parsed.ok) return { label, plan: parsed.plan, notes: parsed.notes };
  const { error } = parsed;
  let problem: string;
  const first = error.issues[0];
  if (error.kind === 'invalid' && first) {
    const more = error.issues.length - 1;
    problem = describeIssues([first]) + (more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : '');
  } else {
    problem = lowerFirst(error.message).replace(/\.$/, '');
  }
  throw new CliError(oneLine(`${label}: ${problem}`));
}

/** Read PLAN (`-` = standard input), decode and validate it. */
export async function loadPlan(arg: string, cwd: string, readStdin: () => Promise<Uint8Array>): Promise<LoadedPlan> {
  const label = arg === '-' ? 'stdin' : arg;
  const bytes = arg === '-' ? await readStdin() : readPlanFile(arg, cwd, label);
  if (bytes.length > MAX_PLAN_FILE_BYTES) throw new CliError(`${label}: the input is too large for a plan`);
  return parsePlanInput(decode(bytes, label), label);
}
