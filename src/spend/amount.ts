/**
 * Exact billing amounts as fixed-point integer limbs.
 *
 * Billing files carry decimal strings with many places: legacy CUR rows reach 19 decimals
 * ("0.0067895407982345906" in the koku fixtures), Cost Explorer 10, FOCUS exports 10–15. A double
 * cannot sum millions of them exactly, and big.js is too slow for 10M rows. So every amount is
 * split into four integers of the same sign:
 *
 *   amount = units + f1·10⁻⁸ + f2·10⁻¹⁶ + f3·10⁻²⁴      (|f1|, |f2|, |f3| < 10⁸)
 *
 * Each limb fits a JS safe integer and an SQLite INTEGER; summing limbs column by column (in JS or
 * with SQL SUM) never overflows before 9·10¹⁰ rows, and the carry is resolved once when the sum is
 * read back (`limbsToDecimal`, BigInt). 24 places cover every corpus value with five places to
 * spare; a value with more places is rounded half-even at the 24th and counted (`rounded`), while
 * the original text stays in the line table.
 */

export const FRACTION_DIGITS = 24;
const LIMB = 8;
/** Largest whole part kept exactly in a JS number limb (15 digits). */
const MAX_WHOLE_DIGITS = 15;

/** units, f1, f2, f3: all of the amount's sign. */
export type Limbs = readonly [number, number, number, number];

export interface ParsedAmount {
  /** The decimal as text: the input when it was plain decimal notation, else the exact expansion. */
  readonly text: string;
  readonly limbs: Limbs;
  /** True when the input had more than 24 decimal places and the limbs were rounded. */
  readonly rounded: boolean;
}

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;
const SCIENTIFIC = /^([+-]?)(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/;

/**
 * Parses a decimal string ("12.5", "-0.00165303109242778", "1.5E-7", ".5").
 * Returns undefined when the text is not a decimal number.
 */
export function parseAmount(raw: string): ParsedAmount | undefined {
  const s = raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
  return fastPlain(s) ?? generalAmount(s);
}

const POW10 = [1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 1e2, 1e1, 1];

/**
 * The common case, one pass: [-]digits[.digits], ≤ 15 whole and ≤ 24 fraction digits. Allocates
 * only the result (this runs for every amount of every row).
 */
function fastPlain(s: string): ParsedAmount | undefined {
  const n = s.length;
  let i = 0;
  const negative = n > 0 && s.charCodeAt(0) === 45;
  if (negative) i = 1;
  let units = 0;
  let wholeDigits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57 || ++wholeDigits > 15) return undefined;
    units = units * 10 + (c - 48);
  }
  let f1 = 0;
  let f2 = 0;
  let f3 = 0;
  let fracDigits = 0;
  if (i < n) {
    for (i++; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57 || fracDigits >= 24) return undefined;
      if (fracDigits < 8) f1 = f1 * 10 + (c - 48);
      else if (fracDigits < 16) f2 = f2 * 10 + (c - 48);
      else f3 = f3 * 10 + (c - 48);
      fracDigits++;
    }
    // Scale the last, partly filled limb to 8 digits.
    const scale = POW10[fracDigits % 8] as number;
    if (fracDigits % 8 !== 0) {
      if (fracDigits < 8) f1 *= scale;
      else if (fracDigits < 16) f2 *= scale;
      else f3 *= scale;
    }
  }
  if (wholeDigits === 0 && fracDigits === 0) return undefined;
  return {
    text: s,
    limbs: negative ? [-units || 0, -f1 || 0, -f2 || 0, -f3 || 0] : [units, f1, f2, f3],
    rounded: false,
  };
}

/**
 * True when `s` is a decimal in plain notation that parseAmount reads unchanged (its text is `s`):
 * a check without allocation, for values kept as text and not summed (quantities).
 */
export function isPlainDecimal(s: string): boolean {
  const n = s.length;
  let i = n > 0 && s.charCodeAt(0) === 45 ? 1 : 0;
  let whole = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57 || ++whole > MAX_WHOLE_DIGITS) return false;
  }
  let frac = 0;
  if (i < n) {
    for (i++; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57 || ++frac > FRACTION_DIGITS) return false;
    }
  }
  return whole + frac > 0;
}

function generalAmount(s: string): ParsedAmount | undefined {
  let m = PLAIN.exec(s);
  let sign: string;
  let whole: string;
  let frac: string;
  let text = s;
  if (m) {
    sign = m[1] ?? '';
    whole = m[2] ?? '';
    frac = m[3] ?? '';
    if (whole === '' && frac === '') return undefined;
    if (sign === '+') text = s.slice(1);
  } else {
    m = SCIENTIFIC.exec(s);
    if (!m) return undefined;
    const digitsWhole = m[2] ?? '';
    const digitsFrac = m[3] ?? '';
    if (digitsWhole === '' && digitsFrac === '') return undefined;
    sign = m[1] ?? '';
    [whole, frac] = shiftPoint(digitsWhole, digitsFrac, Number(m[4]));
    text = `${sign === '-' ? '-' : ''}${whole === '' ? '0' : whole}${frac === '' ? '' : '.' + frac}`;
  }
  whole = stripLeadingZeros(whole);
  if (whole.length > MAX_WHOLE_DIGITS) return undefined;
  const negative = sign === '-';
  let rounded = false;
  if (frac.length > FRACTION_DIGITS) {
    const r = roundHalfEven(whole, frac);
    whole = r.whole;
    frac = r.frac;
    rounded = true;
    if (whole.length > MAX_WHOLE_DIGITS) return undefined;
  }
  const units = whole === '' ? 0 : Number(whole);
  const f1 = limbAt(frac, 0);
  const f2 = limbAt(frac, LIMB);
  const f3 = limbAt(frac, 2 * LIMB);
  const limbs: Limbs = negative ? [-units || 0, -f1 || 0, -f2 || 0, -f3 || 0] : [units, f1, f2, f3];
  return { text, limbs, rounded };
}

function limbAt(frac: string, start: number): number {
  if (frac.length <= start) return 0;
  const part = frac.slice(start, start + LIMB);
  return part.length === LIMB ? Number(part) : Number(part.padEnd(LIMB, '0'));
}

function stripLeadingZeros(s: string): string {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 48) i++;
  return s === '0' ? '' : s.slice(i);
}

/** Moves the decimal point of whole.frac by `exp` places. */
function shiftPoint(whole: string, frac: string, exp: number): [string, string] {
  const digits = whole + frac;
  let point = whole.length + exp;
  if (point <= 0) return ['', '0'.repeat(-point) + digits];
  if (point >= digits.length) return [digits + '0'.repeat(point - digits.length), ''];
  return [digits.slice(0, point), digits.slice(point)];
}

function roundHalfEven(whole: string, frac: string): { whole: string; frac: string } {
  const kept = BigInt((whole || '0') + frac.slice(0, FRACTION_DIGITS));
  const rest = frac.slice(FRACTION_DIGITS);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  const up = first > 5 || (first === 5 && (tail || kept % 2n === 1n));
  const digits = (up ? kept + 1n : kept).toString().padStart(FRACTION_DIGITS + 1, '0');
  return { whole: digits.slice(0, -FRACTION_DIGITS), frac: digits.slice(-FRACTION_DIGITS) };
}

const SCALE = [10n ** 24n, 10n ** 16n, 10n ** 8n, 1n] as const;

/** Limb sums (numbers or SQLite bigints, not normalized) → exact decimal string, trailing zeros dropped. */
export function limbsToDecimal(limbs: readonly (number | bigint | null | undefined)[]): string {
  let total = 0n;
  for (let i = 0; i < 4; i++) {
    const v = limbs[i];
    if (v === null || v === undefined) continue;
    total += BigInt(v) * (SCALE[i] as bigint);
  }
  return scaledToDecimal(total);
}

/** An integer count of 10⁻²⁴ units → decimal string. */
export function scaledToDecimal(total: bigint): string {
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(FRACTION_DIGITS + 1, '0');
  const whole = digits.slice(0, -FRACTION_DIGITS);
  const frac = digits.slice(-FRACTION_DIGITS).replace(/0+$/, '');
  const body = frac === '' ? whole : `${whole}.${frac}`;
  return negative && body !== '0' ? `-${body}` : body;
}

/** Decimal string → integer count of 10⁻²⁴ units (throws when not a decimal). */
export function decimalToScaled(text: string): bigint {
  const p = parseAmount(text);
  if (!p) throw new RangeError(`not a decimal number: "${text}"`);
  return limbsToScaled(p.limbs);
}

export function limbsToScaled(limbs: readonly (number | bigint)[]): bigint {
  let total = 0n;
  for (let i = 0; i < 4; i++) total += BigInt(limbs[i] ?? 0) * (SCALE[i] as bigint);
  return total;
}

/** Exact decimal sum of decimal strings (helper for small sets and tests' counterparts). */
export function addDecimals(a: string, b: string): string {
  return scaledToDecimal(decimalToScaled(a) + decimalToScaled(b));
}

