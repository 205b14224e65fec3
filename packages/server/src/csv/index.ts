/**
 * CSV for the server: the engine's RFC 4180 reader (shared with the criteria import) and a writer
 * that guards spreadsheet formulas.
 */
export { CsvSyntaxError, parseCsv } from '../engine/index.js';

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet opening this text as a cell would run it as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * A text cell that a spreadsheet would run as a formula, made inert by OWASP's rule: a leading
 * single quote, and the cell quoted. {@link unguardFormula} reads it back.
 */
function guardFormula(text: string): string {
  return `"'${text.replaceAll('"', '""')}"`;
}

/** The text a guarded cell (`'=...`, as {@link formatCsv} writes it) stands for, or undefined when it is not one. */
export function unguardFormula(cell: string): string | undefined {
  return cell.startsWith("'") && looksLikeFormula(cell.slice(1)) ? cell.slice(1) : undefined;
}

function formatCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && looksLikeFormula(v)) return guardFormula(v);
  return quote(String(v));
}

/**
 * Formats rows as CSV with CRLF line ends, quoting fields that need it. Text cells starting with
 * `=`, `+`, `-`, `@`, tab or carriage return get a leading `'` (numbers are written as numbers).
 */
export function formatCsv(rows: (string | number | boolean | null | undefined)[][]): string {
  return rows.map((r) => r.map(formatCell).join(',')).join('\r\n') + '\r\n';
}
