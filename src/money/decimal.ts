/**
 * Exact decimal arithmetic for money. AWS publishes prices as decimal strings ("0.224");
 * we keep them exact and compute with big.js so that 2 × 0.224 × 720 is exactly 322.56.
 * Rounding happens only when rendering (see format.ts).
 */
import BigImport from 'big.js';

// big.js ships CommonJS typings; under NodeNext the default import is the constructor.
const Big = BigImport as unknown as typeof BigImport;
Big.DP = 20; // decimal places kept on division
Big.RM = Big.roundHalfUp;

export type Decimal = InstanceType<typeof Big>;
export type DecimalInput = Decimal | string | number;

/**
 * A Decimal from a decimal string, a number or another Decimal (returned as is: Decimals are never mutated,
 * every operation returns a new one). Throws on NaN/empty.
 */
export function dec(value: DecimalInput): Decimal {
  if (value instanceof Big) return value;
  if (typeof value === 'string') {
    const s = value.trim();
    if (s === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
      throw new RangeError(`not a decimal number: "${value}"`);
    }
    return new Big(s);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return new Big(value);
}

/** True when the string parses as a decimal number. */
export function isDecimalString(value: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim());
}

export const ZERO: Decimal = new Big(0);

export function sum(values: Iterable<DecimalInput>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(dec(v));
  return total;
}

/** Decimal → JS number for JSON output (the nearest double of an exact decimal prints as that decimal). */
export function toNumber(value: Decimal): number {
  return Number(value.toString());
}

/** Round to a number of decimal places, half up (for rendering only). */
export function roundTo(value: Decimal, places: number): Decimal {
  return value.round(places, Big.roundHalfUp);
}
