/** Cell-level value readers shared by every inventory format. They return a value or a problem text. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A non-negative finite number; blank → undefined. */
export function readNumber(raw: string | undefined, what: string): Parsed<number | undefined> {
  const s = (raw ?? '').trim();
  if (s === '') return { ok: true, value: undefined };
  if (!NUMBER.test(s)) {
    const hint = /^\d+,\d+$/.test(s) ? ' (use a dot as decimal separator)' : '';
    return { ok: false, problem: `${what} must be a number, got "${s}"${hint}` };
  }
  const n = Number(s);
  if (!Number.isFinite(n)) return { ok: false, problem: `${what} is not finite: "${s}"` };
  if (n < 0) return { ok: false, problem: `${what} must not be negative, got ${s}` };
  return { ok: true, value: n };
}

/** A positive integer count; blank → undefined. */
export function readCount(raw: string | undefined, what: string): Parsed<number | undefined> {
  const n = readNumber(raw, what);
  if (!n.ok || n.value === undefined) return n;
  if (!Number.isInteger(n.value) || n.value < 1) return { ok: false, problem: `${what} must be a whole number ≥ 1, got ${raw?.trim()}` };
  return n;
}

const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '']);
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);

export function readBoolean(raw: string | undefined, what: string): Parsed<boolean> {
  const s = (raw ?? '').trim().toLowerCase();
  if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  if (TRUE_WORDS.has(s)) return { ok: true, value: true };
  return { ok: false, problem: `${what} must be true or false, got "${raw}"` };
}

/** True for power states meaning "not running": poweredOff, off, stopped, suspended. */
export function isPoweredOff(raw: string | undefined): boolean {
  const s = (raw ?? '').trim().toLowerCase().replace(/[^a-z]/g, '');
  return s === 'poweredoff' || s === 'off' || s === 'stopped' || s === 'suspended' || s === 'false';
}
