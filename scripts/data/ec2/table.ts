/**
 * Small helpers shared by the EC2 source readers: CSV into header-addressed rows, and field readers
 * whose errors name the file, the 1-based data row and the column.
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../../src/errors.js';
import { plainDecimal } from '../../../src/catalog/reserved-split.js';
import { dec, isDecimalString } from '../../../src/money/index.js';

export interface CsvRow {
  /** 1-based data row (the header is row 0). */
  readonly row: number;
  get(column: string): string;
}

/** Parses CSV text; every required column must be in the header. */
export function readCsv(text: string, file: string, required: readonly string[]): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new InputError({ file }, `not valid CSV (${(err as Error).message})`);
  }
  const header = records[0] ?? [];
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  for (const c of required) if (!index.has(c)) throw new InputError({ file, row: 0, field: c }, `column is missing from the header (${header.join(', ')})`);
  return records.slice(1).map((cells, i) => ({
    row: i + 1,
    get(column: string): string {
      const at = index.get(column);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    },
  }));
}

/** A canonical exact decimal string ("0.256800" → "0.2568"), or an InputError naming where. */
export function decimalField(value: string, file: string, row: number, field: string): string {
  if (!isDecimalString(value)) throw new InputError({ file, row, field }, `expected a decimal number, found "${value}"`);
  return plainDecimal(dec(value));
}

/** An optional decimal: "" → undefined. */
export function optionalDecimal(value: string, file: string, row: number, field: string): string | undefined {
  return value === '' ? undefined : decimalField(value, file, row, field);
}

export function numberField(value: string, file: string, row: number, field: string): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) throw new InputError({ file, row, field }, `expected a number, found "${value}"`);
  return n;
}

export function booleanField(value: string, file: string, row: number, field: string): boolean {
  const v = value.toLowerCase();
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  throw new InputError({ file, row, field }, `expected true/false, found "${value}"`);
}

/** A JSON number printed back exactly: numbers with ≤ 15 significant digits round-trip to their source text. */
export function jsonDecimal(value: unknown, file: string, field: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InputError({ file, field }, `expected a non-negative number, found ${JSON.stringify(value)}`);
  }
  const digits = value.toPrecision(15);
  if (Number(digits) !== value) throw new InputError({ file, field }, `${value} has more than 15 significant digits; cannot keep it exact`);
  return plainDecimal(dec(digits));
}

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError({ file }, `not valid JSON (${(err as Error).message})`);
  }
}

export const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

export function instanceTypeField(value: string, file: string, row: number, field: string): string {
  if (!INSTANCE_TYPE.test(value)) throw new InputError({ file, row, field }, `expected an instance type like "m5.xlarge", found "${value}"`);
  return value;
}
