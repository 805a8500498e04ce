/**
 * EC2 DescribeInstanceTypes and DescribeSpotPriceHistory with the real SDK client against the loopback
 * server (EC2 query protocol, XML written by test/support/ec2-xml.ts from the SDK's own schema), on
 * nuage's own recorded-shape pages (test/aws/fixtures/api/): runs on every machine, with or without ../shared.
 */
import { DescribeInstanceTypesResult$, DescribeSpotPriceHistoryResult$, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchInstanceTypes } from '../../src/aws/instance-types.js';
import { fetchSpotHistory } from '../../src/aws/spot-history.js';
import { spotAverages } from '../../src/catalog/spot-average.js';
import { clientConfig, ec2Error, startAwsLoopback, type AwsLoopback } from '../support/aws-loopback.js';
import { ec2XmlResponse } from '../support/ec2-xml.js';
import { instanceTypesPages, spotHistoryPages } from './api-fixtures.js';

let loopback: AwsLoopback;
let client: EC2Client;
beforeAll(async () => {
  loopback = await startAwsLoopback();
  client = new EC2Client(clientConfig(loopback, 'eu-west-3'));
});
afterAll(async () => {
  client.destroy();
  await loopback.close();
});
beforeEach(() => {
  loopback.requests.length = 0;
});

/** Serves page 1 without a token, page 2 for page 1's NextToken (the query parameter `NextToken`). */
function servePages(operation: 'DescribeInstanceTypes' | 'DescribeSpotPriceHistory', schema: unknown, pages: readonly [{ NextToken?: string }, unknown]) {
  loopback.on(operation, (req) => {
    const token = req.params.get('NextToken');
    if (token === null) return { body: ec2XmlResponse(operation, schema, pages[0]) };
    if (token === pages[0].NextToken) return { body: ec2XmlResponse(operation, schema, pages[1]) };
    return ec2Error(400, 'InvalidParameterValue', `unknown NextToken ${token}`);
  });
}

describe('DescribeInstanceTypes on own recorded pages', () => {
  it('follows NextToken and maps every type: vCPU, MiB → GiB, maker, clock, network baseline, GPUs, metal, generation', async () => {
    servePages('DescribeInstanceTypes', DescribeInstanceTypesResult$, instanceTypesPages());
    const specs = await fetchInstanceTypes(client);
    expect(loopback.requests.map((r) => [r.params.get('MaxResults'), r.params.get('NextToken')])).toEqual([
      ['100', null],
      ['100', 'AAEAAdLk3nYw2VxR7v1Qd3ZcYm9vbm9yLXR5cGVzLXBhZ2UtMg=='],
    ]);
    const row = (t: string) => {
      const s = specs.find((x) => x.instanceType === t)!;
      return [s.vcpu, s.memoryGiB, s.arch, s.cpuManufacturer, s.sustainedClockGhz, s.networkBandwidthMbps, s.gpuCount, s.burstable, s.bareMetal, s.currentGeneration];
    };
    expect(specs.map((s) => s.instanceType)).toEqual(['g4dn.xlarge', 'm4.large', 'm5.large', 'm5.metal', 'm5.xlarge', 't4g.micro']);
    expect(specs.find((s) => s.instanceType === 'm5.xlarge')).toEqual({
      instanceType: 'm5.xlarge', family: 'm5', generation: 5, size: 'xlarge', vcpu: 4, memoryGiB: 16, arch: 'x86_64', cpuManufacturer: 'intel',
      sustainedClockGhz: 3.1, burstable: false, bareMetal: false, currentGeneration: true, networkBandwidthMbps: 1250, gpuCount: 0,
    });
    //                                 vCPU  GiB   arch      maker    GHz  Mbps    GPUs burst  metal  current
    expect(row('t4g.micro')).toEqual([2, 1, 'arm64', 'aws', 2.5, 64, 0, true, false, true]); // "AWS"; 0.064 Gbps baseline
    expect(row('g4dn.xlarge')).toEqual([4, 16, 'x86_64', 'intel', 2.5, 5000, 1, false, false, true]); // baseline 5 Gbps, not "Up to 25"
    expect(row('m5.metal')).toEqual([96, 384, 'x86_64', 'intel', 3.1, 25000, 0, false, true, true]); // 393,216 MiB
    expect(row('m4.large')).toEqual([2, 8, 'x86_64', 'intel', 2.4, null, 0, false, false, false]); // "Moderate": no figure
  });

  it('asks for named types without MaxResults (the API refuses both together)', async () => {
    servePages('DescribeInstanceTypes', DescribeInstanceTypesResult$, instanceTypesPages());
    await fetchInstanceTypes(client, ['m5.large', 'm5.xlarge']);
    const first = loopback.requests[0]!.params;
    expect([first.get('InstanceType.1'), first.get('InstanceType.2'), first.get('MaxResults')]).toEqual(['m5.large', 'm5.xlarge', null]);
  });

  it('a type without its memory size fails naming page, row and field', async () => {
    const [one, two] = instanceTypesPages();
    delete two.InstanceTypes[1]!.MemoryInfo;
    servePages('DescribeInstanceTypes', DescribeInstanceTypesResult$, [one, two]);
    await expect(fetchInstanceTypes(client)).rejects.toThrow('DescribeInstanceTypes page 2, row 2, field "InstanceTypes[1].MemoryInfo.SizeInMiB": missing for m5.metal');
  });

  it('an EC2 refusal is explained', async () => {
    loopback.on('DescribeInstanceTypes', () => ec2Error(403, 'UnauthorizedOperation', 'You are not authorized to perform this operation.'));
    await expect(fetchInstanceTypes(client)).rejects.toThrow(/^DescribeInstanceTypes page 1: AWS refused the credentials \(UnauthorizedOperation: You are not authorized to perform this operation\.\)/);
  });
});

describe('DescribeSpotPriceHistory on own recorded pages: the 30-day time-weighted average', () => {
  const NOW = new Date('2025-06-30T12:00:00Z');

  it('reads both pages (Linux/UNIX only) over the 30 days before now', async () => {
    servePages('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, spotHistoryPages());
    const { samples, pages } = await fetchSpotHistory(client, { now: NOW, days: 30 });
    expect(pages).toBe(2);
    // 9 entries, the Windows one left out.
    expect(samples).toHaveLength(8);
    expect(samples.filter((s) => s.usdPerHour === '0.093000')).toEqual([]);
    const [first, second] = loopback.requests.map((r) => r.params);
    expect([first!.get('StartTime'), first!.get('EndTime'), first!.get('ProductDescription.1'), first!.get('MaxResults'), first!.get('NextToken')]).toEqual([
      '2025-05-31T12:00:00Z', '2025-06-30T12:00:00Z', 'Linux/UNIX', '1000', null,
    ]);
    expect(second!.get('NextToken')).toBe('eyJ2IjoyLCJjIjoibnVhZ2Utc3BvdC1wYWdlLTIifQ==');
    expect(samples.find((s) => s.zone === 'eu-west-3c')).toEqual({ instanceType: 'm5.xlarge', zone: 'eu-west-3c', usdPerHour: '0.081000', at: Date.parse('2025-06-12T09:30:00Z') });
  });

  it('averages each zone weighted by how long each price held, then takes the mean of the zones', async () => {
    servePages('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, spotHistoryPages());
    const { samples } = await fetchSpotHistory(client, { now: NOW, days: 30 });
    const [m5, xl] = spotAverages(samples);
    /*
     * Each price counts for the time until the next, newer price; the newest counts for nothing; the sum is
     * divided by the time from the oldest to the newest sample (32 days here; the oldest sample, 05-29, is
     * the price in effect when the 30-day window opens, as AWS returns it).
     *   eu-west-3a: 06-30 0.0625 (newest) · 06-22 0.046875 for 8 days · 06-14 0.03125 for 8 days · 05-29 0.03125 for 16 days
     *               (8 × 0.046875 + 8 × 0.03125 + 16 × 0.03125) / 32 = (0.375 + 0.25 + 0.5) / 32 = 1.125 / 32 = 0.03515625
     *   eu-west-3b: 06-30 0.046875 (newest) · 06-14 0.0625 for 16 days · 05-29 0.046875 for 16 days
     *               (16 × 0.0625 + 16 × 0.046875) / 32 = (1 + 0.75) / 32 = 0.0546875
     *   m5.large:   (0.03515625 + 0.0546875) / 2 = 0.044921875
     * The prices are multiples of 1/64, so the double-precision computation is exact.
     */
    expect(m5).toEqual({
      instanceType: 'm5.large',
      averageUsdPerHour: '0.044921875',
      byZone: { 'eu-west-3a': '0.03515625', 'eu-west-3b': '0.0546875' },
      samples: 7,
      from: Date.parse('2025-05-29T00:00:00Z'),
      to: Date.parse('2025-06-30T00:00:00Z'),
    });
    // A single sample is its own average.
    expect(xl).toMatchObject({ instanceType: 'm5.xlarge', averageUsdPerHour: '0.081', byZone: { 'eu-west-3c': '0.081' }, samples: 1 });
  });

  it('a spot entry without its zone fails naming page, row and field', async () => {
    const [one, two] = spotHistoryPages();
    delete two.SpotPriceHistory[2]!.AvailabilityZone;
    servePages('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, [one, two]);
    await expect(fetchSpotHistory(client, { now: NOW, days: 30 })).rejects.toThrow('DescribeSpotPriceHistory page 2, row 3, field "SpotPriceHistory[2].AvailabilityZone": missing');
  });
});
