/**
 * Escaping for the config exports. Names, purposes and addresses come from the plan, which is user
 * text (a share link from anyone): a newline in a node name must not end a `#` comment and start a
 * command, a quote must not end a string. Each target language gets one function here.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of text: control characters (newlines, tabs, escapes) become a single space. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').trim();
}

/** Text for a `#` line comment: one line, so it cannot end the comment. */
export function lineComment(text: string, prefix = '# '): string {
  return `${prefix}${oneLine(text)}`.trimEnd();
}

/**
 * Printable ASCII only, for strings that tools store byte-limited (nft, iptables and AWS comments):
 * arrows become `->`, other non-ASCII becomes `?`, `"` becomes `'`, `\` becomes `/`.
 */
export function asciiText(text: string): string {
  return oneLine(text)
    .replace(/→/g, '->')
    .replace(/—|–/g, '-')
    .replace(/"/g, "'")
    .replace(/\\/g, '/')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** Cut to at most `max` characters, marking the cut with `...`. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 3))}...`;
}

/** POSIX sh single quotes: `'it'\''s'`. Nothing inside single quotes is expanded. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** XML text or attribute value (double-quoted). Characters XML 1.0 forbids are dropped. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these code points
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
      .replace(/\t/g, '&#9;')
  );
}

/** HCL (Terraform) double-quoted string body: escapes `\`, `"`, control characters and `${`/`%{`. */
export function hclString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(CONTROL, ' ')
    .replace(/\$\{/g, () => '$${') // a function: in a replacement string `$$` means one `$`
    .replace(/%\{/g, '%%{');
  return `"${body}"`;
}

/** Lower-case slug of letters, digits and `sep` (for identifiers built from ids and host names). */
export function slug(text: string, sep = '-'): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '');
}
