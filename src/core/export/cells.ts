/**
 * Cell hygiene shared by the tabular exports.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and some also after a
 * leading tab or carriage return), which lets a node named `=HYPERLINK(…)` or `=cmd|' /C calc'!A0`
 * run code on the firewall team's machine ("CSV injection",
 * https://owasp.org/www-community/attacks/CSV_Injection). Such a cell gets a leading `'`, which the
 * spreadsheet shows as text. Numbers and port ranges (`3000-3010`) never start with one of these.
 */

/** A cell a spreadsheet would evaluate. No `m` or `s` flag: only the very first character counts. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** `'=1+1` for `=1+1`; any other text unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Several values in one cell (purposes, causes, notes). */
export function joinList(values: readonly string[]): string {
  return values.join('; ');
}

/** Several URLs in one cell. */
export function joinUrls(values: readonly string[]): string {
  return values.join(' ');
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
