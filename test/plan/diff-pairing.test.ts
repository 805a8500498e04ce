import { describe, expect, it } from 'vitest';
import { dec } from '../../src/money/index.js';
import type { CostedChange } from '../../src/plan/cost-plan.js';
import { buildDiff } from '../../src/plan/diff.js';
import type { PricedComponent } from '../../src/plan/pricer.js';
import { TEST_FX } from './support.js';

const comp = (name: string, usd: string): PricedComponent => ({
  name,
  unit: 'hours',
  status: 'priced',
  monthlyQuantity: dec(730),
  unitPriceUsd: '0.1',
  monthlyCostUsd: dec(usd),
  price: 'test',
  priceRef: { kind: 'service', region: 'eu-west-3', key: 'test' },
});

const costed = (before: PricedComponent[] | null, after: PricedComponent[] | null): CostedChange => ({
  change: { address: 'aws_instance.a', moduleAddress: '', type: 'aws_instance', name: 'a', providerName: 'aws', action: 'update', before: null, after: null },
  kind: 'priced',
  region: 'eu-west-3',
  before: before && { monthlyCostUsd: before.reduce((t, c) => t.plus(c.monthlyCostUsd!), dec(0)), components: before, unpriced: before.filter((c) => c.status !== 'priced').length },
  after: after && { monthlyCostUsd: after.reduce((t, c) => t.plus(c.monthlyCostUsd!), dec(0)), components: after, unpriced: after.filter((c) => c.status !== 'priced').length },
});

const rows = (c: CostedChange) =>
  buildDiff([c], { currency: 'USD', fx: TEST_FX, hoursPerMonth: 730, prices: { catalogSources: [], catalogDate: () => 'x' } }).resources[0]!.components.map((r) => [
    r.name,
    r.beforeMonthlyCost?.toString() ?? null,
    r.afterMonthlyCost?.toString() ?? null,
  ]);

describe('component rows of a resource', () => {
  it('pair by name, a repeated name by its occurrence, in the order names first appear', () => {
    expect(rows(costed([comp('A', '1'), comp('B', '2'), comp('A', '3')], [comp('A', '10'), comp('A', '30'), comp('C', '40')]))).toEqual([
      ['A', '1', '10'],
      ['B', '2', null],
      ['A', '3', '30'],
      ['C', null, '40'],
    ]);
  });
  it('one side only, or the same names on both sides, row by row', () => {
    expect(rows(costed(null, [comp('A', '1'), comp('B', '2')]))).toEqual([['A', null, '1'], ['B', null, '2']]);
    expect(rows(costed([comp('A', '1'), comp('B', '2')], null))).toEqual([['A', '1', null], ['B', '2', null]]);
    expect(rows(costed([comp('A', '1'), comp('B', '2')], [comp('A', '3'), comp('B', '4')]))).toEqual([['A', '1', '3'], ['B', '2', '4']]);
    expect(rows(costed([comp('A', '1'), comp('B', '2')], [comp('B', '4'), comp('A', '3')]))).toEqual([['A', '1', '3'], ['B', '2', '4']]);
  });
  it('a name equal to a repeat key merges with it, as keyed rows do', () => {
    expect(rows(costed(null, [comp('A', '1'), comp('A', '2'), comp('A#2', '3')]))).toEqual([['A', null, '1'], ['A#2', null, '3']]);
  });
});
