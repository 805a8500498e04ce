/**
 * CSV text → RawTable (header + rows with spreadsheet row numbers). Malformed CSV is fatal.
 * Row numbers follow the spreadsheet convention (header = row 1; an empty line is a row; a record whose
 * quoted cells span several lines is one row, and `line` keeps the text line where it starts).
 * A row with MORE non-empty cells than the header is rejected (its values cannot be matched to columns: a decimal
 * comma such as 2,5 in a comma-separated file shifts every cell after it). A row with FEWER cells reads
 * the missing trailing cells as empty: tools often drop trailing empty optional columns, and the values
 * the row needs are still checked (an empty CPU or RAM value rejects the row, saying the row was short).
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../errors.js';
import type { RawRow, RawTable, RejectedRow } from './types.js';

/** Picks the delimiter from the header line: ",", ";" (European Excel) or tab. */
export function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ',';
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** Why a row has more cells than the header, as a hint. */
function extraCellsHint(cells: readonly string[], delimiter: string): string {
  if (delimiter === ',' && cells.some((c, i) => /^\d+$/.test(c) && /^\d+$/.test(cells[i + 1] ?? ''))) {
    return ' (a decimal comma such as 2,5 splits a number in two: write 2.5, or quote the value)';
  }
  return ` (a ${DELIMITER_NAMES[delimiter] ?? delimiter} inside a value: quote the value)`;
}

export function csvTable(text: string, file: string): RawTable {
  if (text.trim() === '') throw new InputError({ file }, 'file is empty: expected a header line and at least one row');
  const delimiter = sniffDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    // csv-parse counts text lines, not rows: the message says "line N" (a record may span lines).
    const e = err as { lines?: number; message: string };
    const text = e.message.replace(/^Invalid \w+ /, '');
    throw new InputError({ file }, `malformed CSV: ${text}${/\bline \d+/.test(text) || e.lines === undefined ? '' : ` (at line ${e.lines})`}`);
  }
  const [head, ...body] = records;
  if (!head) throw new InputError({ file }, 'file is empty: expected a header line');
  const width = head.record.length;
  const rows: RawRow[] = [];
  const rejected: RejectedRow[] = [];
  // csv-parse reports the line where a record ENDS: a record starts on the line after the previous one.
  let endOfPrevious = head.info.lines;
  body.forEach((r, i) => {
    const row = i + 2;
    const startLine = endOfPrevious + 1;
    endOfPrevious = r.info.lines;
    const line = startLine !== row ? { line: startLine } : {};
    if (r.record.every((c) => c === '')) return;
    if (r.record.slice(width).some((c) => c !== '')) {
      rejected.push({ row, ...line, problem: `expected ${width} fields (as the header), found ${r.record.length}${extraCellsHint(r.record, delimiter)}` });
      return;
    }
    rows.push({ row, ...line, cells: r.record.length > width ? r.record.slice(0, width) : r.record });
  });
  return { file, header: head.record, rows, ...(rejected.length ? { rejected } : {}) };
}
