/** CSV text → RawTable (header + rows with spreadsheet row numbers). Malformed CSV is fatal. */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../errors.js';
import type { RawRow, RawTable } from './types.js';

/** Picks the delimiter from the header line: ",", ";" (European Excel) or tab. */
export function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ',';
}

export function csvTable(text: string, file: string): RawTable {
  if (text.trim() === '') throw new InputError({ file }, 'file is empty: expected a header line and at least one row');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new InputError({ file, row: e.lines }, `malformed CSV: ${e.message.replace(/^Invalid \w+ /, '')}`);
  }
  const [head, ...body] = records;
  if (!head) throw new InputError({ file }, 'file is empty: expected a header line');
  const rows: RawRow[] = [];
  for (const r of body) {
    if (r.record.every((c) => c === '')) continue;
    rows.push({ row: r.info.lines, cells: r.record });
  }
  return { file, header: head.record, rows };
}
