import { describe, expect, it } from 'vitest';
import { dec, formatAmount, formatMoney, roundTo, type Decimal } from '../../src/money/index.js';

// The definition: round half-up to `places`, print with `places` decimals, group thousands with commas.
function reference(amount: Decimal, places: number): string {
  const fixed = roundTo(amount, places).toFixed(places);
  const negative = fixed.startsWith('-');
  const [int = '0', frac] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? '.' + frac : ''}`;
}

describe('formatAmount', () => {
  it('rounds half up and groups thousands', () => {
    expect(formatAmount(dec('1234567.005'))).toBe('1,234,567.01');
    expect(formatAmount(dec('-0.004'))).toBe('0.00');
    expect(formatAmount(dec('-0.005'))).toBe('-0.01');
    expect(formatAmount(dec('999.995'))).toBe('1,000.00');
    expect(formatAmount(dec('730'), 0)).toBe('730');
    expect(formatMoney(dec('-12'), 'USD')).toBe('-$12.00');
  });
  it('matches round-then-print on amounts with few and many decimals', () => {
    const values = ['0', '-0', '1', '-1', '0.5', '-0.5', '0.004', '-0.004', '12.345', '-12.345', '1000', '123456789.999', '0.000001', '1e-9', '-1e-9', '3.14159265358979323846', '-2500.5', '1e21'];
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 500; i++) values.push(`${next() % 2 ? '-' : ''}${next() % 100000}.${String(next() % 10 ** (1 + (next() % 8))).padStart(3, '0')}`);
    for (const v of values) for (const places of [0, 1, 2, 4, 6]) expect(formatAmount(dec(v), places), `${v} @${places}`).toBe(reference(dec(v), places));
  });
});
