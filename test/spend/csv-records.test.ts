/**
 * The spend imports' CSV parser (papaparse behind eachCsvRecord): RFC 4180 records one at a time.
 */
import { describe, expect, it } from 'vitest';
import { csvHeader, eachCsvRecord, newlineOf } from '../../src/ingest/csv-records.js';

function records(text: string, newline: '\n' | '\r\n' = '\n'): { rows: string[][]; error: ReturnType<typeof eachCsvRecord>['error'] } {
  const rows: string[][] = [];
  const { error } = eachCsvRecord(text, newline, (cells) => {
    rows.push(cells);
  });
  return { rows, error };
}

describe('eachCsvRecord', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    const { rows, error } = records('1,"a, b","say ""hi""","two\r\nlines\nthree"\r\n2,,x,\r\n', '\r\n');
    expect(error).toBeUndefined();
    expect(rows).toEqual([
      ['1', 'a, b', 'say "hi"', 'two\r\nlines\nthree'],
      ['2', '', 'x', ''],
    ]);
  });

  it('numbers rows as a spreadsheet shows them: an empty line is a row (not handed over), a quoted multi-line record one row', () => {
    const seen: [number, string[]][] = [];
    const pass = eachCsvRecord('a,b,c\n\nd\n"e\nE",f,g,h\ni\n', '\n', (cells, n) => {
      seen.push([n, cells]);
    });
    expect(seen).toEqual([
      [1, ['a', 'b', 'c']],
      [3, ['d']],
      [4, ['e\nE', 'f', 'g', 'h']],
      [5, ['i']],
    ]);
    expect(pass).toEqual({ rows: 5 });
  });

  it('counts the rows of a text with or without its last newline, and empty lines at its end', () => {
    expect(eachCsvRecord('a\nb', '\n', () => {}).rows).toBe(2);
    expect(eachCsvRecord('a\nb\n', '\n', () => {}).rows).toBe(2);
    expect(eachCsvRecord('a\r\nb\r\n\r\n', '\r\n', () => {}).rows).toBe(3);
    expect(eachCsvRecord('', '\n', () => {}).rows).toBe(0);
  });

  it('reports an unterminated quote with its record and reads nothing after it', () => {
    const { rows, error } = records('1,2\n3,"4\n5,6\n');
    expect(rows).toEqual([['1', '2']]);
    expect(error).toEqual({ row: 2, message: 'Quoted field unterminated' });
  });

  it('reports text after a closing quote', () => {
    const { error } = records('1,2\n3,"4"x,5\n6,7\n');
    expect(error?.row).toBe(2);
    expect(error?.message).toMatch(/malformed|quote/i);
  });

  it('stops when the callback returns false', () => {
    let n = 0;
    eachCsvRecord('a\nb\nc\n', '\n', () => ++n < 2);
    expect(n).toBe(2);
  });
});

describe('header', () => {
  it('drops the BOM and blanks around names; tells the record delimiter', () => {
    expect(csvHeader('\uFEFF BilledCost ,"Charge,Period"\r\n1,2\r\n')).toEqual(['BilledCost', 'Charge,Period']);
    expect(newlineOf('a,b\r\n')).toBe('\r\n');
    expect(newlineOf('a,b\n')).toBe('\n');
  });
});
