/**
 * Option parsing shared by the `spend` subcommands: choices, days, and the store handle.
 */
import { UsageError } from '../../errors.js';
import { isDay } from '../../spend/timestamp.js';

export function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${flag} "${value}"; expected one of: ${allowed.join(', ')}`);
}

/** A "YYYY-MM-DD" day option, or undefined. */
export function dayOption(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isDay(value)) throw new UsageError(`${flag} expects a day YYYY-MM-DD, got "${value}"`);
  return value;
}

/** "YYYY-MM" month option. */
export function monthOption(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new UsageError(`${flag} expects a month YYYY-MM, got "${value}"`);
  return value;
}

export function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} expects a whole number ≥ 0, got "${value}"`);
  return n;
}

/** "12,345" */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
