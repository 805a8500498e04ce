/**
 * Parser for the ECB euro foreign exchange reference-rate XML (eurofxref-daily.xml and the
 * -hist / -hist-90d variants): `<Cube time='YYYY-MM-DD'><Cube currency='USD' rate='1.165'/>…`.
 * Pure: takes the text, returns the newest USD rate as an FxRate.
 */
import { InputError } from '../errors.js';
import { fxFromEcb, isDecimalString, type FxRate } from '../money/index.js';

export const ECB_SOURCE = 'ECB euro foreign exchange reference rate';

export interface EcbRate {
  readonly date: string;
  readonly currency: string;
  readonly rate: string;
}

/** Every (date, currency, rate) in the document, newest date first. */
export function parseEcbXml(xml: string, file: string): EcbRate[] {
  if (!/<gesmes:Envelope|<Envelope/.test(xml)) {
    throw new InputError({ file }, 'not an ECB reference-rate document (no gesmes:Envelope element)');
  }
  const out: EcbRate[] = [];
  const dayRe = /<Cube\s+time=['"]([^'"]*)['"]\s*>([\s\S]*?)<\/Cube>/g;
  for (const day of xml.matchAll(dayRe)) {
    const date = day[1] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new InputError({ file, field: 'Cube@time' }, `expected a YYYY-MM-DD date, got "${date}"`);
    for (const c of (day[2] ?? '').matchAll(/<Cube\s+currency=['"]([^'"]*)['"]\s+rate=['"]([^'"]*)['"]\s*\/>/g)) {
      const currency = c[1] ?? '';
      const rate = c[2] ?? '';
      if (!isDecimalString(rate)) throw new InputError({ file, field: `Cube[@time='${date}'][@currency='${currency}']@rate` }, `expected a decimal rate, got "${rate}"`);
      out.push({ date, currency, rate });
    }
  }
  return out.sort((a, b) => b.date.localeCompare(a.date));
}

/** The newest USD reference rate in the document. */
export function ecbUsdRate(xml: string, file: string): FxRate {
  const usd = parseEcbXml(xml, file).find((r) => r.currency === 'USD');
  if (!usd) throw new InputError({ file, field: "Cube[@currency='USD']" }, 'no USD reference rate in the document');
  return fxFromEcb(usd.rate, usd.date, ECB_SOURCE);
}
