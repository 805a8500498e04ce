/** How a row is named in messages and reports: file, spreadsheet row (and text line), field. */
import type { InventorySource, SkippedRow } from './types.js';

/** "inv.csv, row 7 (line 9), field "peak_cpu_ghz"". */
export function rowWhere(s: { readonly file: string; readonly row?: number; readonly line?: number; readonly field?: string }): string {
  const row = s.row === undefined ? undefined : `row ${s.row}${s.line !== undefined ? ` (line ${s.line})` : ''}`;
  return [s.file, row, s.field ? `field "${s.field}"` : undefined].filter((x) => x !== undefined).join(', ');
}

/** "inv.csv, row 7, field "peak_cpu_ghz" (web-03): peak_cpu_ghz must be a number, got "abc"". */
export function skippedLine(s: SkippedRow): string {
  return `${rowWhere(s)}${s.vm ? ` (${s.vm})` : ''}: ${s.detail}`;
}

/** The numbering convention, for messages and reports that list `rows`. */
export function rowConvention(sources: readonly InventorySource[], rows: readonly SkippedRow[] = []): string {
  const json = sources.some((s) => s.format === 'json');
  const sheet = sources.length === 0 || sources.some((s) => s.format !== 'json');
  const parts = [
    ...(sheet ? ['rows numbered as in a spreadsheet, header = row 1'] : []),
    ...(rows.some((r) => r.line !== undefined) ? ['"line" = the text line where a multi-line CSV record starts'] : []),
    ...(json ? ['JSON rows by position in the array, from 1'] : []),
  ];
  return parts.join('; ');
}

/** First letter upper-cased. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const MAX_ROWS_LISTED = 20;

/** "- <row>" lines for the first `max` rows, then "- … and N more". */
export function listedRows(rows: readonly SkippedRow[], max = MAX_ROWS_LISTED, more = ''): string[] {
  const lines = rows.slice(0, max).map((s) => `- ${skippedLine(s)}`);
  if (rows.length > max) lines.push(`- … and ${rows.length - max} more${more}`);
  return lines;
}
