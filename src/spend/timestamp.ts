/**
 * Billing timestamps → one canonical UTC form, "YYYY-MM-DDTHH:MM:SSZ".
 *
 * Accepted: FOCUS ISO 8601 ("2023-01-01T00:00:00Z"), legacy CUR ("2023-06-01 00:00:00"), CUR 2.0 /
 * Athena ("2022-07-01 00:00:00.000"), offsets ("…+02:00", converted to UTC), date-only ("2026-11-01"),
 * and "YYYY-MM-DDTHH:MMZ". The calendar date must be valid; an hour past 23 (the FOCUS spec example
 * "2023-02-01T30:00:00Z") is rolled over into the following day and reported as `rolledOver`.
 */

export interface ParsedTimestamp {
  /** "YYYY-MM-DDTHH:MM:SSZ" */
  readonly iso: string;
  /** True when an hour ≥ 24 was carried into the next day. */
  readonly rolledOver: boolean;
}

const TS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/;
const FAST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export function parseTimestamp(raw: string): ParsedTimestamp | undefined {
  const s = raw.trim();
  if (FAST.test(s) && validFast(s)) return { iso: s, rolledOver: false };
  const m = TS.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const sec = Number(m[6] ?? 0);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (mi > 59 || sec > 59 || h > 99) return undefined;
  let ms = Date.UTC(y, mo - 1, d, h, mi, sec);
  const zone = m[7];
  if (zone && zone !== 'Z' && zone !== 'UTC') {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!zm) return undefined;
    const offset = (Number(zm[2]) * 60 + Number(zm[3])) * 60_000;
    ms -= zm[1] === '-' ? -offset : offset;
  }
  return { iso: isoSeconds(ms), rolledOver: h > 23 };
}

function validFast(s: string): boolean {
  const mo = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  const h = (s.charCodeAt(11) - 48) * 10 + (s.charCodeAt(12) - 48);
  const mi = (s.charCodeAt(14) - 48) * 10 + (s.charCodeAt(15) - 48);
  const sec = (s.charCodeAt(17) - 48) * 10 + (s.charCodeAt(18) - 48);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return false;
  return d <= 28 || d <= daysInMonth(Number(s.slice(0, 4)), mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Epoch milliseconds → "YYYY-MM-DDTHH:MM:SSZ". */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** A JS Date (Parquet timestamps) → canonical text. */
export function dateToIso(d: Date): string {
  return isoSeconds(d.getTime());
}

/** "YYYY-MM-DD" → first instant of its month, "YYYY-MM-01T00:00:00Z". */
export function monthStartOf(isoOrDay: string): string {
  return `${isoOrDay.slice(0, 7)}-01T00:00:00Z`;
}

/** "YYYY-MM" of the month after the given day/month. */
export function nextMonth(yyyyMm: string): string {
  const y = Number(yyyyMm.slice(0, 4));
  const m = Number(yyyyMm.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Adds `n` days to a "YYYY-MM-DD" day. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` (inclusive) to `to` (exclusive), both "YYYY-MM-DD". */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) out.push(d);
  return out;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a valid calendar day "YYYY-MM-DD". */
export function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(s.slice(0, 4)), m);
}

/** 0 = Monday … 6 = Sunday, for a "YYYY-MM-DD" day. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** ISO-8601 week label of a day: "2026-W48". */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(date.getTime() + (3 - weekdayIndex(day)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
