/**
 * EC2 API on the recorded responses of ../shared/corpora/ec2_pricing_api, read in place (skipped when
 * absent); the same edges on nuage's own pages run always (ec2-api-fixtures.test.ts).
 */
import { DescribeInstanceTypesResult$, DescribeSpotPriceHistoryResult$, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchInstanceTypes, splitInstanceType, toInstanceTypeSpec } from '../../src/aws/instance-types.js';
import { fetchSpotHistory } from '../../src/aws/spot-history.js';
import { spotAverages } from '../../src/catalog/spot-average.js';
import { clientConfig, startAwsLoopback, type AwsLoopback } from '../support/aws-loopback.js';
import { haveCorpus } from '../support/corpora.js';
import { ec2XmlResponse } from '../support/ec2-xml.js';
import { cliExample, recorded, SELECTOR } from './recorded.js';

type History = { SpotPriceHistory: Record<string, string>[] };
const NOW = new Date('2021-02-09T12:00:00Z');

describe.skipIf(!haveCorpus(SELECTOR, 'EC2 API via loopback'))('EC2 API (real SDK client, loopback, EC2 query XML)', () => {
  let loopback: AwsLoopback;
  let client: EC2Client;
  beforeAll(async () => {
    loopback = await startAwsLoopback();
    client = new EC2Client(clientConfig(loopback, 'us-east-1'));
  });
  afterAll(async () => {
    client.destroy();
    await loopback.close();
  });

  it('maps DescribeInstanceTypes (t3.micro, p3.16xlarge) to instance specs', async () => {
    const data = recorded('DescribeInstanceTypes', 't3_micro_and_p3_16xl.json');
    loopback.on('DescribeInstanceTypes', () => ({ body: ec2XmlResponse('DescribeInstanceTypes', DescribeInstanceTypesResult$, data) }));
    const specs = await fetchInstanceTypes(client);
    expect(specs.map((s) => s.instanceType)).toEqual(['p3.16xlarge', 't3.micro']);
    expect(specs[1]).toEqual({
      instanceType: 't3.micro',
      family: 't3',
      generation: 3,
      size: 'micro',
      vcpu: 2,
      memoryGiB: 1,
      arch: 'x86_64',
      cpuManufacturer: 'unknown',
      sustainedClockGhz: 2.5,
      burstable: true,
      bareMetal: false,
      currentGeneration: true,
      networkBandwidthMbps: null,
      gpuCount: 0,
    });
    expect(specs[0]).toMatchObject({ vcpu: 64, memoryGiB: 488, gpuCount: 8, networkBandwidthMbps: 25000, burstable: false });
  });

  it('follows NextToken across DescribeInstanceTypes pages (25 + 19 + 7 recorded types)', async () => {
    const pages = ['25_instances', 'pv_instances', 'g2_2xlarge_group'].map((f) => recorded<{ InstanceTypes: unknown[] }>('DescribeInstanceTypes', `${f}.json`));
    loopback.requests.length = 0;
    loopback.on('DescribeInstanceTypes', (req) => {
      const i = Number(req.params.get('NextToken') ?? '0');
      const data = { ...pages[i], ...(i + 1 < pages.length ? { NextToken: String(i + 1) } : {}) };
      return { body: ec2XmlResponse('DescribeInstanceTypes', DescribeInstanceTypesResult$, data) };
    });
    const specs = await fetchInstanceTypes(client);
    expect(loopback.requests.map((r) => r.params.get('NextToken'))).toEqual([null, '1', '2']);
    // The recorded pages overlap (c1.*, c3.* appear twice): one spec per type.
    const distinct = new Set(pages.flatMap((p) => p.InstanceTypes.map((t) => (t as { InstanceType: string }).InstanceType)));
    expect(specs.map((s) => s.instanceType)).toEqual([...distinct].sort());
    expect(specs).toHaveLength(41);
    const c5 = specs.find((s) => s.instanceType === 'c5.large')!;
    expect(c5).toMatchObject({ vcpu: 2, memoryGiB: 4, arch: 'x86_64', currentGeneration: true, sustainedClockGhz: 3.4 });
    const a1 = specs.find((s) => s.instanceType === 'a1.medium')!;
    expect(a1).toMatchObject({ arch: 'arm64', vcpu: 1, memoryGiB: 2 });
    const m1 = specs.find((s) => s.instanceType === 'm1.small')!;
    expect(m1).toMatchObject({ currentGeneration: false });
  });

  it('fails on a page with a type missing its vCPU count, naming page, row and field', async () => {
    const data = recorded<{ InstanceTypes: Record<string, unknown>[] }>('DescribeInstanceTypes', 't3_micro_and_p3_16xl.json');
    delete data.InstanceTypes[1]!.VCpuInfo;
    loopback.on('DescribeInstanceTypes', () => ({ body: ec2XmlResponse('DescribeInstanceTypes', DescribeInstanceTypesResult$, data) }));
    await expect(fetchInstanceTypes(client)).rejects.toThrow(/^DescribeInstanceTypes page 1, row 2, field "InstanceTypes\[1\]\.VCpuInfo\.DefaultVCpus": missing for /);
  });

  it('reproduces the 30-day spot average of m5.large in us-east-1a exactly, and the other AZs', async () => {
    const history = recorded<History>('DescribeSpotPriceHistory', 'm5_large.json');
    // Serve the 250 entries over pages of 100 to exercise pagination.
    loopback.requests.length = 0;
    loopback.on('DescribeSpotPriceHistory', (req) => {
      const start = Number(req.params.get('NextToken') ?? '0');
      const page = { SpotPriceHistory: history.SpotPriceHistory.slice(start, start + 100), ...(start + 100 < history.SpotPriceHistory.length ? { NextToken: String(start + 100) } : {}) };
      return { body: ec2XmlResponse('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, page) };
    });
    const { samples, pages } = await fetchSpotHistory(client, { now: NOW, days: 30 });
    expect(pages).toBe(3);
    expect(samples).toHaveLength(250);
    const first = loopback.requests[0]!.params;
    expect(first.get('ProductDescription.1')).toBe('Linux/UNIX');
    expect(first.get('StartTime')).toBe('2021-01-10T12:00:00Z');
    const [m5] = spotAverages(samples);
    expect(m5!.instanceType).toBe('m5.large');
    expect(Number(m5!.byZone['us-east-1a'])).toBe(0.041486231229302666);
    expect(m5!.byZone).toEqual({
      'us-east-1a': '0.041486231229302666',
      'us-east-1b': '0.03798777123201232',
      'us-east-1c': '0.038192059340595476',
      'us-east-1d': '0.0427846069540731',
      'us-east-1f': '0.04133782831446142',
    });
    const mean = (0.041486231229302666 + 0.03798777123201232 + 0.038192059340595476 + 0.0427846069540731 + 0.04133782831446142) / 5;
    expect(Number(m5!.averageUsdPerHour)).toBe(mean);
  });

  it('reads the AWS CLI documentation example (t2.micro, i386 + x86_64)', async () => {
    loopback.on('DescribeInstanceTypes', () => ({ body: ec2XmlResponse('DescribeInstanceTypes', DescribeInstanceTypesResult$, cliExample('ec2__describe-instance-types__1.json')) }));
    const [t2] = await fetchInstanceTypes(client);
    expect(t2).toMatchObject({ instanceType: 't2.micro', vcpu: 1, memoryGiB: 1, arch: 'x86_64', sustainedClockGhz: 2.5, burstable: true, currentGeneration: true, networkBandwidthMbps: null });
  });

  it('ignores spot prices of other product descriptions (the AWS CLI example is "Linux/UNIX (Amazon VPC)")', async () => {
    loopback.on('DescribeSpotPriceHistory', () => ({ body: ec2XmlResponse('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, cliExample('ec2__describe-spot-price-history__2.json')) }));
    const { samples } = await fetchSpotHistory(client, { now: NOW, days: 30 });
    expect(samples).toEqual([]);
  });

  it('fails on a spot entry with a malformed price', async () => {
    const history = recorded<History>('DescribeSpotPriceHistory', 'm5_large.json');
    history.SpotPriceHistory[3]!.SpotPrice = 'n/a';
    loopback.on('DescribeSpotPriceHistory', () => ({ body: ec2XmlResponse('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, history) }));
    await expect(fetchSpotHistory(client, { now: NOW, days: 30 })).rejects.toThrow('DescribeSpotPriceHistory page 1, row 4, field "SpotPriceHistory[3].SpotPrice": expected a decimal price, got "n/a"');
  });
});

describe('toInstanceTypeSpec', () => {
  it('reads the processor maker, network card baselines and GPUs of newer API answers', () => {
    const spec = toInstanceTypeSpec(
      {
        InstanceType: 'g5g.xlarge' as never,
        CurrentGeneration: true,
        VCpuInfo: { DefaultVCpus: 4 },
        MemoryInfo: { SizeInMiB: 8192 },
        ProcessorInfo: { SupportedArchitectures: ['arm64'], SustainedClockSpeedInGhz: 2.5, Manufacturer: 'Amazon Web Services' },
        NetworkInfo: { NetworkPerformance: 'Up to 10 Gigabit', NetworkCards: [{ BaselineBandwidthInGbps: 1.25 }] },
        GpuInfo: { Gpus: [{ Count: 1, Name: 'T4g' }] },
        BurstablePerformanceSupported: false,
        BareMetal: false,
      },
      { file: 'DescribeInstanceTypes page 1', row: 1, field: 'InstanceTypes[0]' },
    );
    expect(spec).toMatchObject({ arch: 'arm64', cpuManufacturer: 'aws', memoryGiB: 8, networkBandwidthMbps: 1250, gpuCount: 1, generation: 5, family: 'g5g' });
  });
});

describe('splitInstanceType', () => {
  it('splits family, generation and size', () => {
    expect(splitInstanceType('m5.xlarge')).toEqual({ family: 'm5', generation: 5, size: 'xlarge' });
    expect(splitInstanceType('c6gn.16xlarge')).toEqual({ family: 'c6gn', generation: 6, size: '16xlarge' });
    expect(splitInstanceType('m7i-flex.large')).toEqual({ family: 'm7i-flex', generation: 7, size: 'large' });
    expect(splitInstanceType('u-6tb1.metal')).toEqual({ family: 'u-6tb1', generation: 1, size: 'metal' });
  });
});
