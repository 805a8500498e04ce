/** Scenario basis of reserved rates: one line per way the rates are known, each ratio's families once. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESERVED_ORDER } from '../../src/catalog/snapshot-format.js';
import type { PriceBasis } from '../../src/catalog/types.js';
import { readRatio, reservedBasisLines } from '../../src/estimator/reserved-basis.js';
import { PROJECT_ROOT } from '../support/corpora.js';

const OFFER = '1yr standard no-upfront';
const est = (method: string): PriceBasis => ({ kind: 'estimate', source: 'ec2instances-2018', asOf: '2025-05-01', method: `${method} × the on-demand price (skypilot-v7, 2025-05-01)` });
const CATEGORY = (cat: string, fams: string, ratio: string, n: number): PriceBasis =>
  est(`family not in the 2018 file: "${cat}" category median ${OFFER} ÷ on-demand ratio over its current-generation 2018 families (${fams}) ${ratio} (ec2instances-2018, 2018-08-16, ${n} prices)`);
const FAMILY = (fam: string, ratio: string, n: number): PriceBasis => est(`${fam} family median ${OFFER} ÷ on-demand ratio ${ratio} (ec2instances-2018, 2018-08-16, ${n} prices)`);
const SOURCES = new Map([['ec2instances-2018', '2018-08-16']]);

describe('reservedBasisLines', () => {
  it('one line for the estimated rates: the method once, each ratio with the families that use it', () => {
    const lines = reservedBasisLines(
      OFFER,
      [
        { family: 'm6i', basis: CATEGORY('m', 'm4, m5, m5d', '0.6424', 216) },
        { family: 'r6i', basis: CATEGORY('r', 'r4', '0.6313', 96) },
        { family: 'm6a', basis: CATEGORY('m', 'm4, m5, m5d', '0.6424', 216) },
        { family: 'c5', basis: FAMILY('c5', '0.6768', 96) },
        { family: 'm6i', basis: CATEGORY('m', 'm4, m5, m5d', '0.6424', 216) },
      ],
      SOURCES,
    );
    expect(lines).toEqual([
      '1yr standard no-upfront effective hourly: estimate = ec2instances-2018 (2018-08-16) reserved ÷ on-demand ratio × the on-demand price (skypilot-v7, 2025-05-01); ' +
        'category median ratio (family not in the 2018 file): m6a, m6i ← "m" 0.6424 (over m4, m5, m5d; 216 prices); r6i ← "r" 0.6313 (over r4; 96 prices); ' +
        'family median ratio: c5 ← 0.6768 (96 prices)',
    ]);
    // each method text and each family appears once
    expect(lines[0]!.match(/category median/g)).toHaveLength(1);
    expect(lines[0]!.match(/m6i/g)).toHaveLength(1);
  });

  it('exact rates: one line per source and date, with their families; other wordings are shown whole', () => {
    const exact: PriceBasis = { kind: 'exact', source: 'ec2instances-2018', asOf: '2018-08-16' };
    const odd: PriceBasis = { kind: 'estimate', source: 'x', asOf: '2026-01-01', method: 'm5 family ratio × on-demand' };
    expect(reservedBasisLines(OFFER, [{ family: 'm5', basis: exact }, { family: 'c5', basis: exact }, { family: 'm6i', basis: odd }])).toEqual([
      '1yr standard no-upfront effective hourly: exact (ec2instances-2018, 2018-08-16): c5, m5',
      '1yr standard no-upfront effective hourly: estimate (m5 family ratio × on-demand, 2026-01-01): m6i',
    ]);
  });

  it("reads the type's own ratio and the all-types median", () => {
    expect(readRatio("p3.16xlarge's own 1yr standard no-upfront ÷ on-demand ratio 0.7003 (ec2instances-2018, 2018-08-16: 29.375 ÷ 41.944; on-demand has changed since)", OFFER, 'ec2instances-2018')).toEqual({
      method: "the type's own 2018 ratio (on-demand has changed since)",
      item: 'p3.16xlarge 0.7003 (29.375 ÷ 41.944)',
    });
    expect(readRatio('neither family nor category in the 2018 file: median 1yr standard no-upfront ÷ on-demand ratio over all current-generation 2018 types 0.65 (ec2instances-2018, 2018-08-16, 900 prices)', OFFER, 'ec2instances-2018').item).toBe('0.65 (900 prices)');
  });

  it('every reserved estimate method of the committed snapshot is read (the importer wording and this reader agree)', () => {
    const catalog = JSON.parse(readFileSync(`${PROJECT_ROOT}/data/ec2/catalog.json`, 'utf8')) as { bases: PriceBasis[] };
    const offers = RESERVED_ORDER.map((o) => `${o.term} ${o.offeringClass} ${o.paymentOption}`);
    const reserved = catalog.bases.filter((b) => b.kind === 'estimate' && b.method?.includes(' ÷ on-demand ratio '));
    expect(reserved.length).toBeGreaterThan(100);
    for (const b of reserved) {
      const method = b.method!;
      const offer = offers.find((o) => method.includes(` ${o} ÷ on-demand ratio`))!;
      const ratio = method.slice(0, method.lastIndexOf(' × the on-demand price ('));
      expect(readRatio(ratio, offer, b.source).method, method).not.toBe('');
    }
  });
});
