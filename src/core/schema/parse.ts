/**
 * The one door for untrusted plans: share links, opened files, pasted JSON and CLI input all end here.
 *
 * decode (caller) → envelope check → version check → migrate → validate → report.
 * Never throws: every failure is a `PlanError` with a message that says what is wrong and where.
 */
import type * as z from 'zod/mini';
import { CURRENT_VERSION, upgrade } from './migrate.ts';
import type { Plan } from './types.ts';
import { formatPath } from './path.ts';
import { FORMAT_TYPE, PlanV1 } from './v1.ts';

export { formatPath };

export interface PlanIssue {
  /** Dotted path with indexes, e.g. `nodes[3].port`; empty for the whole document. */
  path: string;
  message: string;
}

export type PlanErrorKind =
  | 'not-json'
  | 'too-large'
  | 'not-a-plan'
  | 'too-new'
  | 'unknown-version'
  | 'invalid'
  /** Share links: part of the link is missing. */
  | 'cut-off'
  /** Share links: the data was changed or corrupted (checksum, characters, compression). */
  | 'damaged';

export interface PlanError {
  kind: PlanErrorKind;
  /** One sentence for a person: what is wrong. */
  message: string;
  /** Field by field, for plans that failed validation. */
  issues: PlanIssue[];
}

export type ParseResult = { ok: true; plan: Plan; notes: string[] } | { ok: false; error: PlanError };

/** Largest plan text accepted (5 MiB): bigger than any sensible plan, small enough to parse instantly. */
export const MAX_PLAN_TEXT_BYTES = 5 * 1024 * 1024;

const MAX_LISTED_ISSUES = 20;


function fail(kind: PlanErrorKind, message: string, issues: PlanIssue[] = []): ParseResult {
  return { ok: false, error: { kind, message, issues } };
}

function toIssues(error: z.core.$ZodError): PlanIssue[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      message = `unknown kind; expected one of ${issue.options.join(', ')}`;
    } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      message = 'is required';
    } else if (issue.code === 'unrecognized_keys') {
      message = issue.message;
    }
    return { path: formatPath(issue.path), message };
  });
}

/** Human summary of validation issues: `field nodes[3].port: expected a port number 1–65535`. */
export function describeIssues(issues: readonly PlanIssue[]): string {
  const shown = issues.slice(0, MAX_LISTED_ISSUES).map((i) => (i.path ? `field ${i.path}: ${i.message}` : i.message));
  const more = issues.length > MAX_LISTED_ISSUES ? [`… and ${issues.length - MAX_LISTED_ISSUES} more`] : [];
  return [...shown, ...more].join('\n');
}

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validate an already-decoded value (a JSON object) as a plan of any readable version. */
export function parsePlan(input: unknown): ParseResult {
  if (!isRecord(input)) return fail('not-a-plan', 'This is not a Portolan plan: expected a JSON object.');
  if (input.type !== FORMAT_TYPE) {
    return fail('not-a-plan', `This is not a Portolan plan: expected "type": "${FORMAT_TYPE}".`, [
      { path: 'type', message: `expected "${FORMAT_TYPE}"` },
    ]);
  }
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('unknown-version', 'The plan has no valid format version (expected "version": 1 or later).', [
      { path: 'version', message: 'expected a whole number ≥ 1' },
    ]);
  }
  if (version > CURRENT_VERSION) {
    return fail(
      'too-new',
      `This plan was made by a newer Portolan (format version ${version}); this Portolan reads up to version ${CURRENT_VERSION}. Update Portolan to open it.`,
    );
  }
  const upgraded = upgrade(input, version);
  if (!upgraded.ok) return fail('unknown-version', upgraded.message);
  const result = PlanV1.safeParse(upgraded.value);
  if (!result.success) {
    const issues = toIssues(result.error);
    const first = issues[0];
    const head = first ? (first.path ? `field ${first.path}: ${first.message}` : first.message) : 'invalid plan';
    const tail = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    return fail('invalid', `The plan is not valid: ${head}${tail}.`, issues);
  }
  return { ok: true, plan: result.data, notes: upgraded.notes };
}

/** Decode JSON text (a file, a paste, stdin) and validate it. */
export function parsePlanText(text: string, maxBytes = MAX_PLAN_TEXT_BYTES): ParseResult {
  // Length in UTF-16 units is a lower bound of UTF-8 bytes; good enough for a cap.
  if (text.length > maxBytes) {
    return fail('too-large', `The plan is too large (${text.length.toLocaleString('en')} characters; the limit is ${maxBytes.toLocaleString('en')}).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const trimmed = text.trim();
    if (trimmed === '') return fail('not-json', 'The input is empty: expected the JSON of a Portolan plan.');
    if (looksCutOff(trimmed, detail)) {
      return fail('not-json', `The plan is cut off: the JSON ends before it is complete (${detail}).`);
    }
    return fail('not-json', `This is not valid JSON (${detail}).`);
  }
  return parsePlan(value);
}

/** JSON that starts like an object but stops early: a truncated link or a partial download. */
function looksCutOff(text: string, detail: string): boolean {
  if (/end of JSON input|Unterminated string/i.test(detail)) return true;
  const pos = /position (\d+)/.exec(detail);
  const at = pos ? Number(pos[1]) : -1;
  const open = (text.match(/[{[]/g) ?? []).length;
  const close = (text.match(/[}\]]/g) ?? []).length;
  return text.startsWith('{') && open > close && at >= text.length - 2;
}
