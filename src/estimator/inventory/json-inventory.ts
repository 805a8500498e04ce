/**
 * JSON inventory → RawTable for the generic mapper. Accepted shapes: an array of objects, or an object
 * with one array under "vms", "apps", "inventory" or "rows". Keys are header names (same aliases as CSV);
 * values are strings, numbers, booleans or null. Row numbers are 1-based positions in the array.
 */
import { InputError } from '../../errors.js';
import type { RawRow, RawTable } from './types.js';

const ARRAY_KEYS = ['vms', 'apps', 'inventory', 'rows'];

export function jsonTable(text: string, file: string): RawTable {
  if (text.trim() === '') throw new InputError({ file }, 'file is empty: expected a JSON array of rows');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError({ file }, `not valid JSON: ${(err as Error).message}`);
  }
  let items: unknown;
  let path = '';
  if (Array.isArray(doc)) items = doc;
  else if (doc !== null && typeof doc === 'object') {
    const key = ARRAY_KEYS.find((k) => Array.isArray((doc as Record<string, unknown>)[k]));
    if (key === undefined) throw new InputError({ file }, `expected an array of rows, or an object with one of: ${ARRAY_KEYS.join(', ')}`);
    items = (doc as Record<string, unknown>)[key];
    path = key;
  } else throw new InputError({ file }, 'expected an array of rows');
  const list = items as unknown[];
  if (list.length === 0) throw new InputError({ file, field: path || undefined }, 'no rows: the array is empty');
  const header: string[] = [];
  const index = new Map<string, number>();
  const rows: RawRow[] = [];
  list.forEach((item, i) => {
    const where = `${path}[${i}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new InputError({ file, row: i + 1, field: where }, 'each row must be an object of column → value');
    }
    const cells: string[] = [];
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      let col = index.get(k);
      if (col === undefined) {
        col = header.length;
        header.push(k);
        index.set(k, col);
      }
      if (v !== null && typeof v === 'object') {
        throw new InputError({ file, row: i + 1, field: `${where}.${k}` }, 'value must be a string, number, boolean or null');
      }
      cells[col] = v === null || v === undefined ? '' : String(v);
    }
    rows.push({ row: i + 1, cells: Array.from({ length: header.length }, (_, c) => cells[c] ?? '') });
  });
  return { file, header, rows };
}
