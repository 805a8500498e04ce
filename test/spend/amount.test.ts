import BigImport from 'big.js';
import { describe, expect, it } from 'vitest';
import { addDecimals, decimalToScaled, isPlainDecimal, limbsToDecimal, parseAmount, scaledToDecimal } from '../../src/spend/amount.js';

const Big = BigImport as unknown as typeof BigImport;

describe('parseAmount', () => {
  it('splits plain decimals into units and three 8-digit fraction limbs', () => {
    expect(parseAmount('8760.00')).toEqual({ text: '8760.00', limbs: [8760, 0, 0, 0], rounded: false });
    expect(parseAmount('0.0067895407982345906')?.limbs).toEqual([0, 678954, 7982345, 90600000]);
    expect(parseAmount('-40.3543773134')?.limbs).toEqual([-40, -35437731, -34000000, 0]);
    expect(parseAmount('.5')?.limbs).toEqual([0, 50000000, 0, 0]);
    expect(parseAmount('+3')).toEqual({ text: '3', limbs: [3, 0, 0, 0], rounded: false });
    expect(parseAmount(' 12 ')?.text).toBe('12');
  });

  it('expands scientific notation exactly (Python floats, Parquet doubles)', () => {
    expect(parseAmount('1.5E-7')).toEqual({ text: '0.00000015', limbs: [0, 15, 0, 0], rounded: false });
    expect(parseAmount('-2.5e3')?.text).toBe('-2500');
    expect(parseAmount('1e-20')?.limbs).toEqual([0, 0, 0, 10000]);
  });

  it('rounds half-even past 24 places and says so', () => {
    const p = parseAmount('0.0000000000000000000000125');
    expect(p?.rounded).toBe(true);
    expect(p?.limbs).toEqual([0, 0, 0, 12]);
    expect(parseAmount('0.0000000000000000000000135')?.limbs).toEqual([0, 0, 0, 14]);
    expect(parseAmount('0.99999999999999999999999999')?.limbs).toEqual([1, 0, 0, 0]);
  });

  it('rejects what is not a decimal', () => {
    for (const bad of ['', 'abc', '1.2.3', '1,5', '--1', 'NaN', '.', '1e', '12345678901234567']) expect(parseAmount(bad)).toBeUndefined();
  });
});

describe('isPlainDecimal', () => {
  it('accepts exactly the texts parseAmount keeps unchanged', () => {
    const texts = ['8760.00', '-40.3543773134', '.5', '1.', '007', '0.0067895407982345906', '123456789012345', '0.' + '1'.repeat(24),
      '+3', ' 12', '1.5E-7', '', '-', '.', '1.2.3', '1,5', 'NaN', '1234567890123456', '0.' + '1'.repeat(25)];
    for (const t of texts) expect(isPlainDecimal(t), t).toBe(parseAmount(t)?.text === t && parseAmount(t)?.rounded === false);
  });
});

describe('limb sums', () => {
  it('carry back into one exact decimal', () => {
    expect(limbsToDecimal([13151, 391549980, 1682548678, 2070600000])).toBe('13154.9154999682548698706');
    expect(limbsToDecimal([0n, -5n, 0n, 0n])).toBe('-0.00000005');
    expect(limbsToDecimal([0, 0, 0, 0])).toBe('0');
  });

  it('match big.js over many random 19-decimal amounts', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const values = Array.from({ length: 5000 }, (_, i) => `${i % 3 === 0 ? '-' : ''}${Math.floor(rand() * 1000)}.${String(Math.floor(rand() * 1e9)).padStart(9, '0')}${String(Math.floor(rand() * 1e10)).padStart(10, '0')}`);
    const acc = [0, 0, 0, 0];
    for (const v of values) {
      const l = parseAmount(v)?.limbs ?? [0, 0, 0, 0];
      for (let i = 0; i < 4; i++) acc[i] = (acc[i] as number) + (l[i] as number);
    }
    const expected = values.reduce((s, v) => s.plus(new Big(v)), new Big(0));
    expect(new Big(limbsToDecimal(acc)).eq(expected)).toBe(true);
  });

  it('converts between decimals and 1e-24 units', () => {
    expect(decimalToScaled('1.000000000000000000000001')).toBe(10n ** 24n + 1n);
    expect(scaledToDecimal(-(10n ** 23n))).toBe('-0.1');
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(() => decimalToScaled('x')).toThrow(/not a decimal/);
  });
});
