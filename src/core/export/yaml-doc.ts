/**
 * YAML output shared by the Kubernetes, Aerleon and Teleport exports: the `yaml` library does the
 * quoting (a node name with `: `, `#`, quotes or a newline stays one string), comments are made
 * single-line so they cannot end early, and long lines are never folded (byte-stable goldens).
 */
import { Document, isNode } from 'yaml';
import { oneLine } from './escape.ts';

/** Stringify options used everywhere: no folding, stable key order (insertion order). */
export const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/** A YAML comment body: single-line pieces, each starting with a space (`# text`). */
export function yamlComment(lines: readonly string[]): string {
  return lines.map((l) => ` ${oneLine(l)}`).join('\n');
}

/** A document for `value`, with `comments` before it. */
export function yamlDocument(value: unknown, comments: readonly string[] = []): Document {
  // YAML 1.1 quoting: Teleport (Go), Kubernetes and Aerleon (PyYAML) read `on`, `off`, `yes`, `no` as booleans.
  const doc = new Document(value, { version: '1.1' });
  if (comments.length > 0) doc.commentBefore = yamlComment(comments);
  return doc;
}

/** Put a comment before the node at `path` (a map key's value or a sequence item). */
export function commentAt(doc: Document, path: readonly (string | number)[], lines: readonly string[]): void {
  const node = doc.getIn(path, true);
  if (isNode(node)) node.commentBefore = yamlComment(lines);
}

/** Documents joined into one multi-document stream (`---` between them). */
export function yamlStream(docs: readonly Document[]): string {
  return docs.map((d, i) => (i === 0 ? '' : '---\n') + d.toString(YAML_OPTIONS)).join('');
}
