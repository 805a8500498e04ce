/**
 * Invalid inventory rows are fatal unless the caller opts in to skipping them (`skipInvalid`, the CLI's
 * --skip-invalid): a budget that silently leaves rows out is under-counted. The error lists every invalid
 * row (the first MAX_ROWS_LISTED, then a count) with file, row, field and problem.
 */
import { InputError } from '../errors.js';
import { listedRows, rowConvention } from './inventory/row-text.js';
import type { Inventory, SkippedRow } from './inventory/types.js';

export class InvalidRowsError extends InputError {
  override name = 'InvalidRowsError';
  constructor(
    readonly rows: readonly SkippedRow[],
    summary: string,
    sources: Inventory['sources'],
  ) {
    const first = rows[0]!;
    super({ file: first.file, ...(first.row !== undefined ? { row: first.row } : {}), ...(first.field ? { field: first.field } : {}) }, summary);
    this.message = [`${summary}; ${rowConvention(sources, rows)}:`, ...listedRows(rows)].join('\n');
  }
}

export function invalidRows(skipped: readonly SkippedRow[]): SkippedRow[] {
  return skipped.filter((s) => s.reason === 'invalid');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Throws InvalidRowsError when the inventory has invalid rows and they may not be skipped. */
export function checkInvalidRows(inventory: Inventory, skipInvalid: boolean): void {
  if (skipInvalid) return;
  const bad = invalidRows(inventory.skipped);
  if (bad.length === 0) return;
  const files = [...new Set(bad.map((s) => s.file))];
  throw new InvalidRowsError(
    bad,
    `${plural(bad.length, 'invalid row')} in ${files.join(', ')}: nothing was estimated or saved (fix ${bad.length === 1 ? 'it' : 'them'}, or pass --skip-invalid to estimate the other rows and list these)`,
    inventory.sources,
  );
}
