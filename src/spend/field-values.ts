/**
 * Field-level helpers shared by the FOCUS and CUR mappers: null literals, exact amounts,
 * timestamps, currencies and tags. A bad value throws FieldProblem (field + what was expected);
 * the importer adds the file and row. Tolerated oddities are counted in Notes.
 */
import { isPlainDecimal, parseAmount, type Limbs } from './amount.js';
import { parseTimestamp } from './timestamp.js';

/** A bad field in the current row; the caller adds file and row. */
export class FieldProblem extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    /** 1-based text line, when the problem is in a text file without rows (YAML, JSON). */
    readonly line?: number,
  ) {
    super(`field "${field}": ${problem}`);
  }
}

/** A raw cell: text (CSV), or a value decoded from Parquet. */
export type Cell = string | number | bigint | boolean | Date | Record<string, unknown> | null | undefined;

/** Counted, de-duplicated observations about an import (shown after it). */
export class Notes {
  private readonly byKind = new Map<string, { count: number; example: string; row?: number }>();
  /** `row`: where the example is (relative to what the caller numbers; see NoteEntry.row). */
  add(kind: string, example: string, row?: number): void {
    const n = this.byKind.get(kind);
    if (n) n.count++;
    else this.byKind.set(kind, row === undefined ? { count: 1, example } : { count: 1, example, row });
  }
  merge(other: ReadonlyArray<NoteEntry>, rowBase = 0): void {
    for (const e of other) {
      const n = this.byKind.get(e.kind);
      if (n) n.count += e.count;
      else this.byKind.set(e.kind, e.row === undefined ? { count: e.count, example: e.example } : { count: e.count, example: e.example, row: rowBase + e.row });
    }
  }
  entries(): NoteEntry[] {
    return [...this.byKind].map(([kind, v]) => ({ kind, ...v }));
  }
}

export interface NoteEntry {
  readonly kind: string;
  readonly count: number;
  readonly example: string;
  /** Row of the example: within its chunk until merged into the import's notes with the chunk's first row. */
  readonly row?: number;
}

/** Cell → trimmed text, or null for empty / NULL literals ("null", "NULL", "Null"). */
export function text(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    if (cell === '') return null;
    const c0 = cell.charCodeAt(0);
    if ((c0 === 110 || c0 === 78) && cell.length === 4 && cell.toLowerCase() === 'null') return null;
    return c0 <= 32 || cell.charCodeAt(cell.length - 1) <= 32 ? cell.trim() || null : cell;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  if (typeof cell === 'bigint' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString();
  return JSON.stringify(cell);
}

export interface Amount {
  readonly text: string;
  readonly limbs: Limbs;
}

/** A nullable exact amount. */
export function amount(cell: Cell, field: string, notes: Notes): Amount | null {
  const t = text(cell);
  if (t === null) return null;
  const p = parseAmount(t);
  if (!p) throw new FieldProblem(field, `expected a decimal number, got "${t}"`);
  if (p.rounded) notes.add(`${field}: more than 24 decimal places, rounded in sums`, t);
  return p;
}

export function requiredAmount(cell: Cell, field: string, notes: Notes): Amount {
  const a = amount(cell, field, notes);
  if (!a) throw new FieldProblem(field, 'a value is required');
  return a;
}

/** A nullable decimal kept as text (quantities); validated, not summed. */
export function quantity(cell: Cell, field: string): string | null {
  const t = text(cell);
  if (t === null) return null;
  if (isPlainDecimal(t)) return t;
  const p = parseAmount(t);
  if (!p) throw new FieldProblem(field, `expected a decimal number, got "${t}"`);
  return p.text;
}

export function timestamp(cell: Cell, field: string, notes: Notes): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw new FieldProblem(field, 'invalid date');
    return cell.toISOString().slice(0, 19) + 'Z';
  }
  const t = text(cell);
  if (t === null) return null;
  const p = parseTimestamp(t);
  if (!p) throw new FieldProblem(field, `expected a date-time like 2026-11-01T00:00:00Z, got "${t}"`);
  if (p.rolledOver) notes.add(`${field}: hour past 23 rolled over into the next day`, `${t} → ${p.iso}`);
  return p.iso;
}

export function requiredTimestamp(cell: Cell, field: string, notes: Notes): string {
  const t = timestamp(cell, field, notes);
  if (t === null) throw new FieldProblem(field, 'a value is required');
  return t;
}

const CURRENCY = /^[A-Z]{3}$/;

export function currency(cell: Cell, field: string): string | null {
  const t = text(cell);
  if (t === null) return null;
  const c = t.toUpperCase();
  if (!CURRENCY.test(c)) throw new FieldProblem(field, `expected an ISO 4217 currency code, got "${t}"`);
  return c;
}

/** Tag key as reports use it: user-defined tags lose their "user:" prefix. */
export function tagKey(raw: string): string {
  return raw.startsWith('user:') ? raw.slice(5) : raw;
}

/** FOCUS Tags: a JSON object (CSV) or a decoded map (Parquet). */
export function tags(cell: Cell, field: string): Record<string, string> {
  return tagsWithJson(cell, field).tags;
}

/**
 * Tags and their JSON text. When the cell is already canonical JSON (string values, no "user:"
 * prefix, no whitespace or escapes) its text is reused: one JSON.stringify less per row.
 */
export function tagsWithJson(cell: Cell, field: string): { tags: Record<string, string>; json: string } {
  if (cell === null || cell === undefined) return { tags: {}, json: '{}' };
  let obj: unknown = cell;
  if (typeof cell === 'string') {
    const t = text(cell);
    if (t === null || t === '{}') return { tags: {}, json: '{}' };
    try {
      obj = JSON.parse(t);
    } catch {
      throw new FieldProblem(field, `expected a JSON object of tags, got "${t.length > 60 ? t.slice(0, 60) + '…' : t}"`);
    }
  }
  if (Array.isArray(obj)) {
    const fromList = fromEntries(obj, field);
    return { tags: fromList, json: tagsJson(fromList) };
  }
  if (typeof obj !== 'object' || obj === null) throw new FieldProblem(field, 'expected a JSON object of tags');
  const out: Record<string, string> = {};
  let canonical = typeof cell === 'string';
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (typeof v !== 'string' || k.startsWith('user:')) canonical = false;
    if (v === null || v === undefined) continue;
    out[tagKey(k)] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return { tags: out, json: canonical && !/\s|\\/.test(cell as string) ? (cell as string) : tagsJson(out) };
}

/**
 * tagsWithJson with a memory: bills repeat the same Tags cell on every line of a resource, so each
 * distinct cell text is parsed once (at most `limit` kept; the memory restarts when full). The
 * tags objects handed out are frozen, being shared between records.
 */
export class TagsMemo {
  private readonly seen = new Map<string, { tags: Record<string, string>; json: string }>();
  constructor(private readonly limit = 4096) {}

  tagsWithJson(cell: Cell, field: string): { tags: Record<string, string>; json: string } {
    if (typeof cell !== 'string') return tagsWithJson(cell, field);
    const known = this.seen.get(cell);
    if (known) return known;
    // A copy of the text: the cell may be a slice of a whole chunk of the file, which the memory must not keep alive.
    const own = Buffer.from(cell, 'utf8').toString('utf8');
    const parsed = tagsWithJson(own, field);
    Object.freeze(parsed.tags);
    if (this.seen.size >= this.limit) this.seen.clear();
    this.seen.set(own, parsed);
    return parsed;
  }
}

/** Tags as JSON text (storage and rollup keys); "{}" when empty. */
export function tagsJson(tags: Readonly<Record<string, string>>): string {
  for (const _ in tags) return JSON.stringify(tags);
  return '{}';
}

/** Parquet MAP columns may decode as [{key, value}] entries. */
function fromEntries(list: unknown[], field: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of list) {
    if (typeof e !== 'object' || e === null || !('key' in e)) throw new FieldProblem(field, 'expected tag entries {key, value}');
    const { key, value } = e as { key: unknown; value: unknown };
    if (value === null || value === undefined || value === '') continue;
    out[tagKey(String(key))] = String(value);
  }
  return out;
}
