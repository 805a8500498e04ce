/**
 * data/services/<region>.json (written by the plan area's data builder):
 * `{ "region", "prices": [ { "key", "unit", "usd", "description", "basis": { "kind", "source", "asOf", "method"? } } ] }`.
 * Pure: validates the parsed JSON and returns ServicePrice values; errors name the file, row and field.
 */
import { InputError } from '../errors.js';
import { isDecimalString } from '../money/index.js';
import type { PriceBasis, ServicePrice } from './types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(v: unknown, file: string, row: number, field: string): string {
  if (typeof v !== 'string' || v === '') throw new InputError({ file, row, field }, `expected a non-empty string, found ${JSON.stringify(v)}`);
  return v;
}

function basisOf(v: unknown, file: string, row: number): PriceBasis {
  const b = (v ?? {}) as Record<string, unknown>;
  const kind = b.kind;
  if (kind !== 'exact' && kind !== 'estimate') throw new InputError({ file, row, field: 'basis.kind' }, `expected "exact" or "estimate", found ${JSON.stringify(kind)}`);
  const asOf = text(b.asOf, file, row, 'basis.asOf');
  if (!DATE.test(asOf)) throw new InputError({ file, row, field: 'basis.asOf' }, `expected YYYY-MM-DD, found "${asOf}"`);
  const source = text(b.source, file, row, 'basis.source');
  if (b.method !== undefined) return { kind, source, asOf, method: text(b.method, file, row, 'basis.method') };
  if (kind === 'estimate') throw new InputError({ file, row, field: 'basis.method' }, 'an estimate must state its method');
  return { kind, source, asOf };
}

export function parseServiceFile(json: unknown, file: string): ServicePrice[] {
  const doc = (json ?? {}) as { region?: unknown; prices?: unknown };
  const region = text(doc.region, file, 0, 'region');
  if (!Array.isArray(doc.prices)) throw new InputError({ file, field: 'prices' }, 'expected an array of prices');
  return doc.prices.map((p: Record<string, unknown>, i) => {
    const row = i + 1;
    const usd = text(p?.usd, file, row, 'usd');
    if (!isDecimalString(usd)) throw new InputError({ file, row, field: 'usd' }, `expected a decimal string, found "${usd}"`);
    return {
      key: text(p.key, file, row, 'key'),
      region,
      unit: text(p.unit, file, row, 'unit'),
      usd,
      description: text(p.description, file, row, 'description'),
      basis: basisOf(p.basis, file, row),
    };
  });
}
