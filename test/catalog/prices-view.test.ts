import { describe, expect, it } from 'vitest';
import { lookupTypeInRegion } from '../../src/catalog/lookup.js';
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import { catalogInfoView, renderCatalogInfoTable } from '../../src/report/catalog-info.js';
import { pricesView, renderPricesTable } from '../../src/report/prices.js';
import { CONTRACT_DATA } from './catalog-contract.js';

const catalog = new InMemoryCatalog(CONTRACT_DATA);

describe('prices view', () => {
  it('a type with only Spot Advisor facts: no on-demand, no reserved rate', () => {
    const v = pricesView(lookupTypeInRegion(catalog, 'm1.small', 'eu-west-3'));
    expect(v).toMatchObject({ onDemandHourly: null, pricesAsOf: null, basis: null, reserved: [], memoryGiB: 1.69921875, sustainedClockGhz: null });
    expect(v.spot).toEqual({ savingsPercent: 70, interruptionBucket: '<5%', averageHourly: null, byZone: {}, advisorBasis: { kind: 'exact', source: 'spot-advisor', asOf: '2025-06-28' }, priceBasis: null });
    const text = renderPricesTable(v);
    expect(text).toContain('m1.small in eu-west-3 — Linux, shared tenancy, USD; no on-demand price in the sources');
    expect(text).toContain('specs: 1 vCPU, 1.7 GiB, x86_64 (intel), sustained clock unknown, previous generation');
    expect(text).toContain('reserved: no rate known');
    expect(text).toContain('spot advisor: 70 % below on-demand, interruption <5% (exact spot-advisor 2025-06-28)');
  });
  it('numbers each estimate method once', () => {
    const text = renderPricesTable(pricesView(lookupTypeInRegion(catalog, 'm7i.xlarge', 'eu-west-3')));
    expect(text).toMatch(/reserved 1yr standard no-upfront\s+0\s+0\.163793\s+0\.163793\s+estimate ec2instances-2018 2025-05-01 \[1\]/);
    expect(text).toMatch(/reserved 3yr convertible all-upfront\s+3110\.92128\s+0\s+0\.118376\s+estimate ec2instances-2018 2025-05-01 \[1\]/);
    expect(text).toContain('methods:\n[1] m family median ratio 0.6964 × on-demand\n');
    expect(text).toContain('spot: no data');
  });
  it('a spot price without advisor entry', () => {
    const v = pricesView(lookupTypeInRegion(catalog, 'm5.large', 'us-east-1'));
    expect(v.spot).toMatchObject({ savingsPercent: null, interruptionBucket: null, averageHourly: 0.04, byZone: { 'use1-az1': 0.04 } });
    expect(renderPricesTable(v)).toContain('spot advisor: no entry\nspot by zone: use1-az1 0.04');
  });
});

describe('catalog info view', () => {
  it('lists sources and coverage for the chosen regions', () => {
    const v = catalogInfoView(catalog, ['us-east-1']);
    expect(v.regions).toEqual([{ region: 'us-east-1', instanceTypes: 2, onDemandExact: 1, onDemandEstimated: 1, reservedExact: 1, reservedEstimated: 0, spot: 1, servicePrices: 1, currentGenOnDemandExactPercent: 50 }]);
    const text = renderCatalogInfoTable(v);
    expect(text).toMatch(/karpenter-pricing\s+2026-07-20\s+Karpenter on-demand prices/);
    expect(text).toMatch(/us-east-1\s+2\s+1\s+50\.00\s+1\s+0\s+1\s+1/);
  });
});
