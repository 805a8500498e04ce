/** A load_balancer_type known only after apply is unknown, not "not set: application" priced as an ALB. */
import { describe, expect, it } from 'vitest';
import { diffOf, planJson } from './support.js';

describe('aws_lb with load_balancer_type computed at apply', () => {
  it('lists the load balancer as unknown; an absent type is still the provider default (application)', () => {
    const d = diffOf(
      planJson(
        [
          { address: 'aws_lb.computed', after: {}, after_unknown: { load_balancer_type: true } },
          { address: 'aws_lb.unset', after: {} },
        ],
        { region: 'eu-west-3' },
      ),
    );
    const computed = d.resources.find((r) => r.address === 'aws_lb.computed')!;
    expect(computed.afterMonthlyCost?.toString()).toBe('0');
    expect(computed.afterNothingPriced).toBe('unknown');
    expect(computed.components.map((c) => [c.name, c.status])).toEqual([['Load balancer (type computed at apply)', 'unknown']]);
    expect(d.unknown.map((u) => [u.address, u.reason])).toEqual([['aws_lb.computed', 'load_balancer_type computed at apply']]);
    const unset = d.resources.find((r) => r.address === 'aws_lb.unset')!;
    expect(unset.afterMonthlyCost?.toString()).toBe('19.345');
    expect(unset.components[0]!.note).toBe('load_balancer_type not set: application (provider default)');
  });
});
