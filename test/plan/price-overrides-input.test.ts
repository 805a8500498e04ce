/** Bad price override files are refused naming the file, line and field (a negative price was applied). */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parsePriceOverrides } from '../../src/plan/price-overrides.js';

const refuse = (text: string): string => {
  try {
    parsePriceOverrides(text, '/ci/prices.yml');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('price override file input', () => {
  it('refuses a negative price (was priced: -$730.00 a month for m5.large)', () => {
    expect(refuse('ec2:\n  - { instanceType: m5.large, usdPerHour: "-1" }\n')).toBe('/ci/prices.yml, line 2, field "ec2.0.usdPerHour": a price cannot be negative: "-1"');
    expect(refuse('services:\n  - key: ebs:gp2:storage\n    usd: -0.1\n')).toBe('/ci/prices.yml, line 3, field "services.0.usd": a price cannot be negative: "-0.1"');
  });
  it('refuses a region that is not an AWS region code (the override silently never applied)', () => {
    expect(refuse('ec2:\n  - { instanceType: m5.large, usdPerHour: "0.1", region: Paris }\n')).toBe('/ci/prices.yml, line 2, field "ec2.0.region": expected an AWS region code such as eu-west-3, got "Paris"');
  });
  it('accepts zero, numbers as written, and a region for which the plan has no resource', () => {
    const o = parsePriceOverrides('ec2:\n  - { instanceType: m5.large, usdPerHour: 0, region: ap-south-1 }\nservices:\n  - { key: "nat:hour", usd: 0.045 }\n', '/ci/prices.yml');
    expect(o.ec2?.[0]).toEqual({ instanceType: 'm5.large', usdPerHour: '0', region: 'ap-south-1' });
    expect(o.services?.[0]).toEqual({ key: 'nat:hour', usd: '0.045' });
  });
});
