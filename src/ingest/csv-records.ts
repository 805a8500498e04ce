/**
 * The CSV parser of the spend imports, chosen once here: papaparse (RFC 4180: quoted fields with
 * commas, escaped quotes "" and line breaks). Records are handed over one at a time and never
 * gathered into an array: on a 1M-row bill, batches of parsed rows outlive the young generation
 * and GC then costs more than the parsing (measured in docs/spend.md).
 */
import Papa from 'papaparse';

export type Newline = '\n' | '\r\n';

/** A record papaparse could not read (unterminated or stray quote), 1-based within the text. */
export interface CsvSyntaxError {
  readonly record: number;
  readonly message: string;
}

/**
 * Calls `onRecord` for each record of `text`, which must hold whole records (empty lines are
 * skipped). Returns the first syntax error; records after it are not read. `onRecord` may return
 * false to stop.
 */
export function eachCsvRecord(
  text: string,
  newline: Newline,
  onRecord: (cells: string[], record: number) => boolean | void,
): CsvSyntaxError | undefined {
  let record = 0;
  let error: CsvSyntaxError | undefined;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    newline,
    // Empty lines are skipped here rather than by papaparse, which would filter (copy) every record.
    skipEmptyLines: false,
    step(results, parser) {
      const cells = results.data;
      if (cells.length === 1 && cells[0] === '' && results.errors.length === 0) return;
      record++;
      const problem = results.errors[0];
      if (problem) {
        error = { record, message: problem.message };
        parser.abort();
      } else if (onRecord(cells, record) === false) parser.abort();
    },
  });
  return error;
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
