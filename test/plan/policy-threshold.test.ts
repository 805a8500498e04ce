/** --fail-above / --fail-above-percent at the threshold: the figure compared is the figure shown (cents, 0.01 %). */
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../src/plan/policy.js';
import { diffOf, planJson } from './support.js';

const vol = (size: number) => ({ availability_zone: 'eu-west-3a', type: 'gp2', size });

describe('policy at the threshold', () => {
  // 160 GB gp2 at $0.116 = $18.56 = €15.931330… at 1 EUR = 1.165 USD: shown as +€15.93.
  const eur = diffOf(planJson([{ address: 'aws_ebs_volume.a', after: vol(160) }], { region: 'eu-west-3' }), { currency: 'EUR' });

  it('a delta shown as +€15.93 is not above --fail-above 15.93 (was "+€15.93 is above --fail-above 15.93 EUR")', () => {
    expect(eur.delta.totalMonthlyCost.toFixed(6)).toBe('15.931330');
    expect(evaluatePolicy(eur, { failAbove: '15.93' })).toEqual({ breached: false, reasons: [], warnings: [] });
    expect(evaluatePolicy(eur, { failAbove: '15.92' }).reasons).toEqual(['monthly cost delta +€15.93 is above --fail-above 15.92 EUR']);
  });

  it('the same plan in USD: exactly at 18.56 passes, 18.55 breaches', () => {
    const usd = diffOf(planJson([{ address: 'aws_ebs_volume.a', after: vol(160) }], { region: 'eu-west-3' }), { currency: 'USD' });
    expect(evaluatePolicy(usd, { failAbove: '18.56' }).breached).toBe(false);
    expect(evaluatePolicy(usd, { failAbove: '18.55' }).reasons).toEqual(['monthly cost delta +$18.56 is above --fail-above 18.55 USD']);
  });

  it('a delta of 10.004 % (shown 10 %) is not above --fail-above-percent 10; a decrease never breaches', () => {
    const grow = diffOf(
      planJson([
        { address: 'aws_ebs_volume.a', actions: ['update'], before: vol(12500), after: vol(15001) },
        { address: 'aws_ebs_volume.b', actions: ['no-op'], before: vol(12500), after: vol(12500) },
      ], { region: 'eu-west-3' }),
    );
    expect(grow.delta.percent?.toString()).toBe('10.004');
    expect(evaluatePolicy(grow, { failAbovePercent: '10' }).breached).toBe(false);
    expect(evaluatePolicy(grow, { failAbovePercent: '9.99' }).reasons).toEqual(['monthly cost delta 10 % is above --fail-above-percent 9.99 %']);
    const shrink = diffOf(planJson([{ address: 'aws_ebs_volume.a', actions: ['update'], before: vol(200), after: vol(100) }], { region: 'eu-west-3' }));
    expect(evaluatePolicy(shrink, { failAbove: '0', failAbovePercent: '0' })).toEqual({ breached: false, reasons: [], warnings: [] });
  });
});
