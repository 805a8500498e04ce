/**
 * The CSV parser of the spend imports, chosen once here: papaparse (RFC 4180: quoted fields with
 * commas, escaped quotes "" and line breaks). Records are handed over one at a time and never
 * gathered into an array: on a 1M-row bill, batches of parsed rows outlive the young generation
 * and GC then costs more than the parsing (measured in docs/spend.md).
 */
import Papa from 'papaparse';

export type Newline = '\n' | '\r\n';

/** A record papaparse could not read (unterminated or stray quote), at its row within the text. */
export interface CsvSyntaxError {
  readonly row: number;
  readonly message: string;
}

export interface CsvPass {
  /** Rows of the text: records and empty lines (a record spanning lines in quotes is one row). */
  readonly rows: number;
  /** The first syntax error; rows after it are not read. */
  readonly error?: CsvSyntaxError;
}

/**
 * Calls `onRecord` for each record of `text`, which must hold whole records, with its 1-based row
 * within the text. Rows are numbered as a spreadsheet shows the file: an empty line is a row (not
 * handed over), a record whose quoted cells span lines is one row. `onRecord` may return false to
 * stop (`rows` then counts up to that record).
 */
export function eachCsvRecord(text: string, newline: Newline, onRecord: (cells: string[], row: number) => boolean | void): CsvPass {
  if (text === '') return { rows: 0 };
  let row = 0;
  let error: CsvSyntaxError | undefined;
  let stopped = false;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    newline,
    // Empty lines are skipped here rather than by papaparse, which would filter (copy) every record.
    skipEmptyLines: false,
    step(results, parser) {
      row++;
      const cells = results.data;
      if (cells.length === 1 && cells[0] === '' && results.errors.length === 0) return;
      const problem = results.errors[0];
      if (problem) {
        error = { row, message: problem.message };
        parser.abort();
      } else if (onRecord(cells, row) === false) {
        stopped = true;
        parser.abort();
      }
    },
  });
  // A text ending with its newline gets one last empty "record" from papaparse that is no row.
  if (!error && !stopped && text.endsWith('\n')) row--;
  return error ? { rows: row, error } : { rows: row };
}

/** The record delimiter of a file, from its first record ("\r\n" or "\n"). */
export function newlineOf(firstRecord: string): Newline {
  return firstRecord.endsWith('\r\n') ? '\r\n' : '\n';
}

/** Cells of the first record of `text` (the header), BOM and surrounding blanks removed. */
export function csvHeader(text: string): string[] {
  let header: string[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  eachCsvRecord(body, newlineOf(body), (cells) => {
    header = cells.map((h) => h.trim());
    return false;
  });
  return header;
}
