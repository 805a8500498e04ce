import { describe, expect, it } from 'vitest';
import { loadDefaultFx } from '../src/store/fx-file.js';
import { parseEcbXml } from '../src/catalog/ecb.js';
import { fromUsd, fxFromUsdToEur } from '../src/money/index.js';
import { InputError } from '../src/errors.js';

describe('FX', () => {
  it('loads the dated ECB default', () => {
    const fx = loadDefaultFx();
    expect(fx.asOf).toBe('2025-07-18');
    expect(fx.usdPerEur).toBe('1.165');
    expect(fx.usdToEur).toBe('0.8583690987');
    expect(fromUsd('116.5', 'EUR', fx).toString()).toBe('100');
  });
  it('converts with a user-given rate exactly', () => {
    const fx = fxFromUsdToEur('0.92', '2026-11-26', '--usd-eur');
    expect(fromUsd('322.56', 'EUR', fx).toString()).toBe('296.7552');
    expect(fromUsd('322.56', 'USD', fx).toString()).toBe('322.56');
  });
  it('names the field of a bad rate', () => {
    expect(() => parseEcbXml(`<gesmes:Envelope><Cube><Cube time='2025-01-02'><Cube currency='USD' rate='x'/></Cube></Cube></gesmes:Envelope>`, 'f.xml')).toThrow(InputError);
    expect(() => parseEcbXml('<html/>', 'f.xml')).toThrow(/f.xml: not an ECB/);
  });
});
