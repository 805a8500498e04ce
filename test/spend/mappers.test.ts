import { describe, expect, it } from 'vitest';
import { regionFromUsageType, regionFromZone, resourceTypeFromArn, serviceCategory } from '../../src/spend/aws-facts.js';
import { cur2TagKey, curColumnName, curMapper, curTagKey } from '../../src/spend/cur-mapper.js';
import { detectFormat, mapperFor } from '../../src/spend/detect-format.js';
import { FieldProblem, Notes, TagsMemo, tagsWithJson } from '../../src/spend/field-values.js';
import { focusMapper } from '../../src/spend/focus-mapper.js';

describe('CUR column names', () => {
  it('turns legacy headers into CUR 2.0 names the way AWS did', () => {
    expect(curColumnName('lineItem/UnblendedCost')).toBe('line_item_unblended_cost');
    expect(curColumnName('reservation/ReservationARN')).toBe('reservation_reservation_a_r_n');
    expect(curColumnName('pricing/publicOnDemandCost')).toBe('pricing_public_on_demand_cost');
    expect(curColumnName('savingsPlan/SavingsPlanEffectiveCost')).toBe('savings_plan_savings_plan_effective_cost');
    expect(curColumnName('line_item_unblended_cost')).toBe('line_item_unblended_cost');
  });

  it('reads tag columns of both generations', () => {
    expect(curTagKey('resourceTags/user:env')).toBe('env');
    expect(curTagKey('resourceTags/aws:createdBy')).toBe('aws:createdBy');
    expect(curTagKey('resource_tags_user_cost_center')).toBe('cost_center');
    expect(curTagKey('noTags/user:app')).toBeUndefined();
    expect(cur2TagKey('aws_created_by')).toBe('aws:created_by');
  });
});

describe('AWS facts', () => {
  it('derive region, category and resource type', () => {
    expect(regionFromUsageType('USW1-EBS-USW2-EBS-AWS-Out-Bytes')).toBe('us-west-1');
    expect(regionFromUsageType('BoxUsage:m5.large')).toBeNull();
    expect(regionFromZone('eu-west-3b')).toBe('eu-west-3');
    expect(regionFromZone('use1-az1')).toBeNull();
    expect(serviceCategory('AmazonEC2')).toBe('Compute');
    expect(serviceCategory('SomethingNew')).toBe('Other');
    expect(resourceTypeFromArn('arn:aws:ec2:us-east-1:1:instance/i-0abc')).toBe('instance');
    expect(resourceTypeFromArn('arn:aws:s3:::my-bucket')).toBe('s3');
    expect(resourceTypeFromArn('i-0abc')).toBeNull();
  });
});

describe('mappers', () => {
  const notes = (): Notes => new Notes();

  it('CUR legacy DiscountedUsage amortizes to the reservation effective cost; list = rate × usage when no cost', () => {
    const header = ['lineItem/UnblendedCost', 'lineItem/LineItemType', 'lineItem/UsageStartDate', 'reservation/EffectiveCost', 'reservation/ReservationARN', 'pricing/publicOnDemandRate', 'lineItem/UsageAmount', 'bill/PayerAccountId'];
    const m = curMapper(header, {}).map(['0', 'DiscountedUsage', '2026-11-01 00:00:00', '0.0612', 'arn:aws:ec2:eu-west-1:1:reserved-instances/r', '0.096', '1.5', '000111222333'], notes());
    expect(m.record).toMatchObject({
      BilledCost: '0',
      EffectiveCost: '0.0612',
      ListCost: '0.144',
      PricingCategory: 'Committed',
      CommitmentDiscountType: 'Reserved Instance',
      CommitmentDiscountCategory: 'Usage',
      CommitmentDiscountStatus: 'Used',
      BillingCurrency: 'USD',
      BillingPeriodStart: '2026-11-01T00:00:00Z',
    });
    expect(m.account).toBe('000111222333');
  });

  it('a covered usage row without its amortized cost names the missing column', () => {
    const mapper = curMapper(['lineItem/UnblendedCost', 'lineItem/LineItemType', 'lineItem/UsageStartDate', 'savingsPlan/SavingsPlanEffectiveCost'], {});
    expect(() => mapper.map(['10', 'SavingsPlanCoveredUsage', '2026-11-01', ''], notes())).toThrow(FieldProblem);
    expect(() => mapper.map(['10', 'SavingsPlanCoveredUsage', '2026-11-01', ''], notes())).toThrow('field "savingsPlan/SavingsPlanEffectiveCost": required for a SavingsPlanCoveredUsage line item');
  });

  it('FOCUS 1.0-preview names, null literals and user: tag prefixes', () => {
    const header = ['ChargeType', 'AmortizedCost', 'BilledCost', 'ChargePeriodStart', 'Region', 'Tags', 'BillingCurrency'];
    const m = focusMapper(header, {}).map(['Usage', 'NULL', '1.5', '2026-11-02T00:00:00Z', 'eu-west-3', '{"user:env":"prod","team":"a"}', 'eur'], notes());
    expect(m.record).toMatchObject({ ChargeCategory: 'Usage', EffectiveCost: null, BilledCost: '1.5', RegionId: 'eu-west-3', Tags: { env: 'prod', team: 'a' }, BillingCurrency: 'EUR' });
    expect(m.tagsJson).toBe('{"env":"prod","team":"a"}');
  });

  it('detects the format or says what it expected', () => {
    expect(detectFormat(['BilledCost', 'ChargePeriodStart'])).toBe('focus');
    expect(detectFormat(['line_item_unblended_cost'])).toBe('cur');
    expect(() => mapperFor(['a', 'b'], 'auto', {})).toThrow(/neither FOCUS/);
    expect(() => mapperFor(['a'], 'focus', {})).toThrow('field "BilledCost": column missing from the FOCUS header');
  });
});

describe('TagsMemo', () => {
  it('parses each distinct Tags text once and hands out the same frozen result', () => {
    const memo = new TagsMemo(2);
    const a = memo.tagsWithJson('{"env":"prod","user:app":"api"}', 'Tags');
    expect(a).toEqual(tagsWithJson('{"env":"prod","user:app":"api"}', 'Tags'));
    expect(a).toEqual({ tags: { env: 'prod', app: 'api' }, json: '{"env":"prod","app":"api"}' });
    expect(memo.tagsWithJson('{"env":"prod","user:app":"api"}', 'Tags')).toBe(a);
    expect(Object.isFrozen(a.tags)).toBe(true);
    memo.tagsWithJson('{"env":"dev"}', 'Tags');
    memo.tagsWithJson('{"env":"qa"}', 'Tags'); // full: the memory restarts
    expect(memo.tagsWithJson('{"env":"prod","user:app":"api"}', 'Tags')).not.toBe(a);
    expect(() => memo.tagsWithJson('{not json', 'Tags')).toThrow(FieldProblem);
    expect(() => memo.tagsWithJson('{not json', 'Tags')).toThrow(FieldProblem);
  });
});
