/** teleport.yaml text → a checked config, or a message with the line that is wrong. */
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { formatPath, isRecord } from '../schema/index.ts';
import { SERVICE_SECTIONS, TeleportYamlSchema } from './yaml-schema.ts';
import type { TeleportYaml } from './yaml-schema.ts';
import { findUnknownKeys } from './yaml-keys.ts';
import type { UnknownKey } from './yaml-keys.ts';

/** A teleport.yaml is a few kB; anything past 1 MiB is something else. */
export const MAX_YAML_TEXT = 1024 * 1024;

const EXPECTED = `expected at least one of ${SERVICE_SECTIONS.join(', ')}`;

/** The 1-based line of the value at `path` in the file (`['db_service', 'databases', 2]`), when it has one. */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;

/**
 * A checked config, and the keys Teleport would refuse: the schema is lenient (Portolan reads a few
 * of many settings), so unknown keys are reported beside the value rather than failing it. `lineOf`
 * lets later checks (one resource entry at a time) name their line too.
 */
export type YamlDecodeResult = { ok: true; value: TeleportYaml; unknownKeys: UnknownKey[]; lineOf: LineOf } | { ok: false; message: string };

/** Parse and check a teleport.yaml. YAML errors and invalid fields name their line. */
export function decodeTeleportYaml(text: string): YamlDecodeResult {
  if (text.trim() === '') return { ok: false, message: 'The input is empty: paste the contents of a teleport.yaml (usually /etc/teleport.yaml).' };
  if (text.length > MAX_YAML_TEXT) return { ok: false, message: `The input is too large to be a teleport.yaml (${text.length.toLocaleString('en')} characters).` };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    // The library's message reads "… at line 3, column 5:" followed by a code excerpt; keep the first line.
    const head = syntax.message.split('\n')[0]?.replace(/:\s*$/, '') ?? syntax.message;
    return { ok: false, message: `The YAML is not valid: ${head}.` };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { ok: false, message: `The YAML cannot be read: ${e instanceof Error ? e.message : String(e)}.` };
  }
  if (!isRecord(value)) return { ok: false, message: `This is not a teleport.yaml: expected a YAML mapping with sections such as auth_service, proxy_service or ssh_service.` };
  if (!SERVICE_SECTIONS.some((s) => s in value)) return { ok: false, message: notTeleport(value) };

  const lineOf: LineOf = (path) => lineAt(doc, lineCounter, path);
  const parsed = TeleportYamlSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = first?.path.filter((p): p is string | number => typeof p !== 'symbol') ?? [];
    const at = lineOf(path);
    const line = at === undefined ? '' : ` (line ${at})`;
    const where = path.length > 0 ? `field ${formatPath(path)}: ` : '';
    return { ok: false, message: `This teleport.yaml is not valid: ${where}${first?.message ?? 'unexpected shape'}${line}.` };
  }
  return { ok: true, value: parsed.data, unknownKeys: findUnknownKeys(doc, lineCounter), lineOf };
}

function lineAt(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): number | undefined {
  const node = path.length > 0 ? doc.getIn(path, true) : undefined;
  const range = isRecord(node) && Array.isArray(node.range) && typeof node.range[0] === 'number' ? node.range[0] : undefined;
  return range === undefined ? undefined : lineCounter.linePos(range).line;
}

/** The message for a mapping without any Teleport service section, with a hint when we recognise it. */
function notTeleport(value: Record<string, unknown>): string {
  if ('proxy' in value && ('cluster_name' in value || 'server_version' in value || isRecord(value.proxy))) {
    return 'This looks like a /webapi/ping response, not a teleport.yaml: use the ping import instead.';
  }
  if ('onboarding' in value || 'outputs' in value || ('storage' in value && !('teleport' in value))) {
    return `This looks like a tbot (Machine ID) configuration, not a teleport.yaml: add a tbot node instead (${EXPECTED}).`;
  }
  if (typeof value.apiVersion === 'string' && typeof value.kind === 'string') {
    return `This looks like a Kubernetes manifest (kind: ${value.kind}), not a teleport.yaml: ${EXPECTED}.`;
  }
  if (value.type === 'portolan-plan') return 'This is a Portolan plan, not a teleport.yaml: open it as a plan instead.';
  return `This is not a teleport.yaml: ${EXPECTED}.`;
}
