/** `nuage prices` and `nuage catalog info` on the committed snapshot in data/. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('nuage prices', () => {
  it('m5.xlarge in eu-west-3 as JSON: 4 vCPU, 16 GiB, 0.224 USD/h, all 12 reserved offers', async () => {
    const r = await runCli(['prices', 'm5.xlarge', '--region', 'eu-west-3', '--format', 'json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v).toMatchObject({
      instanceType: 'm5.xlarge', region: 'eu-west-3', vcpu: 4, memoryGiB: 16, arch: 'x86_64', sustainedClockGhz: 3.1,
      onDemandHourly: 0.224, currency: 'USD', pricesAsOf: '2025-05-01', basis: { kind: 'exact', source: 'skypilot-v7', asOf: '2025-05-01' },
    });
    expect(v.reserved).toHaveLength(12);
    const combos = new Set(v.reserved.map((x: { term: string; offeringClass: string; paymentOption: string }) => `${x.term}/${x.offeringClass}/${x.paymentOption}`));
    expect(combos.size).toBe(12);
    expect(v.reserved[0]).toEqual({ term: '1yr', offeringClass: 'standard', paymentOption: 'no-upfront', upfront: 0, hourly: 0.157, effectiveHourly: 0.157, basis: { kind: 'exact', source: 'ec2instances-2018', asOf: '2018-08-16' } });
    expect(Object.keys(v.spot)).toEqual(expect.arrayContaining(['savingsPercent', 'interruptionBucket', 'averageHourly']));
    await expect(r.stdout).toMatchFileSnapshot('__golden__/prices-m5.xlarge-eu-west-3.json');
  });

  it('m5.xlarge in eu-west-3 as a table', async () => {
    const r = await runCli(['prices', 'm5.xlarge', '--region', 'eu-west-3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('specs: 4 vCPU, 16 GiB, x86_64 (intel), sustained clock 3.1 GHz');
    await expect(r.stdout).toMatchFileSnapshot('__golden__/prices-m5.xlarge-eu-west-3.txt');
  });

  it('an estimated type states its methods (m7i.large in us-east-1)', async () => {
    const r = await runCli(['prices', 'M7I.LARGE', '--region', 'us-east-1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/on-demand\s+0\.1008\s+0\.1008\s+exact karpenter-pricing 2026-07-20/);
    expect(r.stdout).toContain('category median 1yr standard no-upfront');
    await expect(r.stdout).toMatchFileSnapshot('__golden__/prices-m7i.large-us-east-1.txt');
  });

  it('m5.large in us-east-1 costs 0.096 USD/h (Karpenter 2026-07-20)', async () => {
    const v = JSON.parse((await runCli(['prices', 'm5.large', '--region', 'us-east-1', '--format', 'json'])).stdout);
    expect([v.onDemandHourly, v.pricesAsOf, v.basis.source]).toEqual([0.096, '2026-07-20', 'karpenter-pricing']);
  });

  it('unknown instance type: exit 1 with the nearest names', async () => {
    const r = await runCli(['prices', 'm5.xlage', '--region', 'eu-west-3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('nuage: unknown instance type "m5.xlage". Did you mean: m5.xlarge, c5.xlarge, g5.xlarge, m1.xlarge, m2.xlarge?\n');
  });

  it('unknown region: exit 1 with the nearest regions', async () => {
    const r = await runCli(['prices', 'm5.xlarge', '--region', 'eu-west-9']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nuage: unknown region "eu-west-9"\. Did you mean: eu-west-1, eu-west-2, eu-west-3, us-west-1, us-west-2\? Regions in the catalog: af-south-1, /);
  });

  it('a type not offered in the region names the regions that price it', async () => {
    const r = await runCli(['prices', 'c8i.large', '--region', 'eu-west-3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('c8i.large is not offered in eu-west-3 in the price catalog');
    expect(r.stderr).toContain('Regions that price it: us-east-1');
  });

  it('rejects an unknown format; without --region uses the configured region ($NUAGE_REGION, else eu-west-3)', async () => {
    expect((await runCli(['prices', 'm5.xlarge', '--region', 'eu-west-3', '--format', 'xml'])).stderr).toBe('nuage: unknown --format "xml"; expected one of: table, json\n');
    const byDefault = JSON.parse((await runCli(['prices', 'm5.xlarge', '--format', 'json'])).stdout);
    expect([byDefault.region, byDefault.onDemandHourly]).toEqual(['eu-west-3', 0.224]);
    const fromEnv = JSON.parse((await runCli(['prices', 'm5.large', '--format', 'json'], { env: { NUAGE_REGION: 'us-east-1' } })).stdout);
    expect([fromEnv.region, fromEnv.onDemandHourly]).toEqual(['us-east-1', 0.096]);
  });
});

describe('nuage catalog info', () => {
  it('JSON: dates, sources, and ≥ 95 % exact on-demand coverage of current-generation types in the four main regions', async () => {
    const r = await runCli(['catalog', 'info', '--format', 'json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.pricesAsOf).toBe('2026-07-20');
    expect(v.origin).toBe('snapshot');
    expect(v.sources.map((s: { id: string; asOf: string }) => `${s.id} ${s.asOf}`)).toEqual(
      expect.arrayContaining(['karpenter-pricing 2026-07-20', 'skypilot-v7 2025-05-01', 'ec2instances-2018 2018-08-16', 'spot-advisor 2025-06-28']),
    );
    expect(v.offeredDefinition).toContain('Spot Instance Advisor');
    const newestSource = v.sources.map((s: { asOf: string }) => s.asOf).sort().at(-1);
    expect(v.sourcesDated).toEqual({ oldest: '2018-08-16', newest: newestSource });
    const paris = v.priceDates.find((d: { region: string }) => d.region === 'eu-west-3');
    expect([paris.onDemand.oldest, paris.onDemand.newest, paris.reserved.exact.oldest]).toEqual(['2025-05-01', '2025-05-01', '2018-08-16']);
    const main = ['eu-west-3', 'eu-west-1', 'eu-central-1', 'us-east-1'].map((region) => v.regions.find((x: { region: string }) => x.region === region));
    // The committed snapshot's figures (test/catalog/snapshot-corpus.test.ts checks that data/ is the build of ../shared/data).
    expect(main.map((c) => [c.region, c.instanceTypes, c.onDemandExact, c.currentGenOnDemandExactPercent])).toEqual([
      ['eu-west-3', 448, 448, 100],
      ['eu-west-1', 813, 813, 100],
      ['eu-central-1', 838, 837, 99.88],
      ['us-east-1', 1370, 1369, 100],
    ]);
    // Every type with an on-demand price has reserved rates, exact or estimated.
    for (const c of main) expect(c.reservedExact + c.reservedEstimated, c.region).toBe(c.onDemandExact);
  });

  it('table for one region', async () => {
    const r = await runCli(['catalog', 'info', '--region', 'eu-west-3']);
    expect(r.code).toBe(0);
    // The headline is the sources' span, not the newest price anywhere (a us-east-1-only 2026-07-20)
    expect(r.stdout).toMatch(/^price catalog: snapshot, sources dated 2018-08-16 … 2026-\d\d-\d\d; each price carries its own date/);
    expect(r.stdout).not.toContain('newest exact price');
    expect(r.stdout).toMatch(/eu-west-3\s+2025-05-01\s+2018-08-16…2025-05-01\s+2025-05-01\s+2025-06-28\s+2020-10-19…2026-/);
    expect(r.stdout).toContain('  on-demand     2025-05-01 exact (skypilot-v7)\n');
    expect(r.stdout).toContain('  reserved      2018-08-16 exact (ec2instances-2018), 2025-05-01 estimate (from ec2instances-2018 dated 2018-08-16)\n');
    expect(r.stdout).toMatch(/eu-west-3\s+448\s+448\s+100\.00\s+37\s+411\s+439\s+[1-9]\d*/);
    expect(r.stdout).toMatch(/skypilot-v7\s+2025-05-01/);
  });

  it('the sources table fits 100 columns; each description is whole once its continuation rows are joined', async () => {
    const r = await runCli(['catalog', 'info', '--region', 'eu-west-3']);
    const json = JSON.parse((await runCli(['catalog', 'info', '--region', 'eu-west-3', '--format', 'json'])).stdout);
    const section = r.stdout.split('\n\n')[1]!.split('\n').slice(3); // after "sources:", header and rule
    for (const line of section) expect(line.length).toBeLessThanOrEqual(100);
    const whatAt = r.stdout.split('\n')[3]!.indexOf('what');
    const joined: string[] = [];
    for (const line of section) {
      if (line.slice(0, whatAt).trim() === '') joined[joined.length - 1] += ` ${line.slice(whatAt)}`;
      else joined.push(line.slice(whatAt));
    }
    expect(joined.length).toBeGreaterThan(10);
    expect(joined).toEqual(json.sources.map((s: { description: string }) => s.description));
  });

  it('unknown region', async () => {
    const r = await runCli(['catalog', 'info', '--region', 'mars-1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nuage: unknown region "mars-1"/);
  });
});
