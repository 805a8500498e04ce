/** The headline's percentage never says "0 %" for a change that is not zero. */
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/money/index.js';
import { headline, percent } from '../../src/plan/render/format.js';
import { diffOf, planJson } from './support.js';

describe('percent', () => {
  it('keeps one decimal under 10 %, none above; a small non-zero change shows two decimals or "< 0.01"', () => {
    expect([percent(dec(18.2)), percent(dec(9.16)), percent(dec(-3.54)), percent(dec(0))]).toEqual(['+18 %', '+9.2 %', '-3.5 %', '0 %']);
    expect([percent(dec('0.03125')), percent(dec('-0.0312')), percent(dec('0.004')), percent(dec('-0.004'))]).toEqual(['+0.03 %', '-0.03 %', '+<0.01 %', '-<0.01 %']);
  });
  it('a $0.58 increase on $1,856 reads "+0.03 %" (was "increase by $0.58 (0 %)")', () => {
    const vol = (size: number) => ({ availability_zone: 'eu-west-3a', type: 'gp2', size });
    const d = diffOf(planJson([{ address: 'aws_ebs_volume.a', actions: ['update'], before: vol(16000), after: vol(16005) }], { region: 'eu-west-3' }));
    expect(headline(d)).toBe('Monthly cost will increase by $0.58 (+0.03 %)');
  });
});
