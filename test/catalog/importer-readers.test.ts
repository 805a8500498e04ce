import { describe, expect, it } from 'vitest';
import { readEc2InstancesPrices, readEc2InstancesSpecs, RESERVED_COLUMNS } from '../../scripts/data/ec2/ec2instances.js';
import { readKarpenterCatalog, readKarpenterPrices, readNetworkBandwidth } from '../../scripts/data/ec2/karpenter.js';
import { partialSplitFrom, readPartialSplit } from '../../scripts/data/ec2/partial-split.js';
import { dec } from '../../src/money/index.js';
import { readLeanerCloudUsEast1, readLibcloudAttributes } from '../../scripts/data/ec2/price-list-2023.js';
import { readSkyPilotVms } from '../../scripts/data/ec2/skypilot.js';
import { readArchitectureSnapshot, readSpotAdvisor } from '../../scripts/data/ec2/spot-advisor.js';
import { jsonDecimal, decimalField } from '../../scripts/data/ec2/table.js';
import { InputError } from '../../src/errors.js';

const KARPENTER_HEADER =
  'instance_type,family,category,generation,size,vcpu,memory_mib,memory_gib,arch,cpu_manufacturer,sustained_clock_mhz,sustained_clock_ghz,network_bandwidth_mbps,ebs_bandwidth_mbps,hypervisor,bare_metal,burstable,capability_flex,gpu_name,gpu_manufacturer,gpu_count,gpu_memory_mib,local_nvme_gb,accelerator_name,accelerator_count,ondemand_usd_hour_us_east_1';

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('Karpenter readers', () => {
  it('reads a catalog row: amd64 is x86_64, MiB → GiB, sustained clock 0 → null', () => {
    const csv = `${KARPENTER_HEADER}\r\nm1.small,m1,m,1,small,1,1740,1.7,amd64,intel,0,0.0,,,xen,false,false,false,,,,,160,,,0.044\r\nm6g.large,m6g,m,6,large,2,8192,8.0,arm64,aws,2500,2.5,750,4750,nitro,false,false,false,,,2,,,,,0.077\r\n`;
    const [old, arm] = readKarpenterCatalog(csv, 'k.csv');
    expect(old).toMatchObject({ instanceType: 'm1.small', arch: 'x86_64', memoryGiB: 1740 / 1024, sustainedClockGhz: null, networkBandwidthMbps: null, gpuCount: 0 });
    expect(arm).toMatchObject({ instanceType: 'm6g.large', arch: 'arm64', cpuManufacturer: 'aws', sustainedClockGhz: 2.5, vcpu: 2, memoryGiB: 8, networkBandwidthMbps: 750, gpuCount: 2, bareMetal: false });
  });
  it('names file, row and field on a bad value', () => {
    const csv = `${KARPENTER_HEADER}\nm5.large,m5,m,5,large,two,8192,8.0,amd64,intel,3100,3.1,750,4750,nitro,false,false,false,,,,,,,,0.096\n`;
    const e = inputError(() => readKarpenterCatalog(csv, 'k.csv'));
    expect(e.message).toBe('k.csv, row 1, field "vcpu": expected a number, found "two"');
    const badArch = `${KARPENTER_HEADER}\nm5.large,m5,m,5,large,2,8192,8.0,sparc,intel,3100,3.1,750,4750,nitro,false,false,false,,,,,,,,0.096\n`;
    expect(inputError(() => readKarpenterCatalog(badArch, 'k.csv')).message).toContain('row 1, field "arch"');
  });
  it('fails on a missing column, naming it', () => {
    expect(inputError(() => readKarpenterCatalog('instance_type,family\nm5.large,m5\n', 'k.csv')).message).toMatch(/k\.csv, row 0, field "category": column is missing/);
  });
  it('keeps JSON prices exact and takes the date from source.commit_date', () => {
    const t = readKarpenterPrices('{"prices":{"us-east-1":{"a1.medium":0.0255,"p5.48xlarge":55.04}},"source":{"commit_date":"2026-07-20"}}', 'p.json');
    expect(t.asOf).toBe('2026-07-20');
    expect([...t.prices.get('us-east-1')!]).toEqual([
      ['a1.medium', '0.0255'],
      ['p5.48xlarge', '55.04'],
    ]);
    expect(inputError(() => readKarpenterPrices('{"prices":{},"source":{}}', 'p.json')).message).toContain('field "source.commit_date"');
    expect(inputError(() => readKarpenterPrices('{"prices":', 'p.json')).message).toMatch(/^p\.json: not valid JSON/);
  });
  it('reads network bandwidth', () => {
    expect(readNetworkBandwidth('{"bandwidth_mbps":{"m5.large":750}}', 'n.json').get('m5.large')).toBe(750);
  });
  it('jsonDecimal refuses what a double cannot carry exactly', () => {
    expect(jsonDecimal(0.1, 'f', 'x')).toBe('0.1');
    expect(jsonDecimal(1e-7, 'f', 'x')).toBe('0.0000001');
    expect(() => jsonDecimal(0.1 + 0.2, 'f', 'x')).toThrow(/more than 15 significant digits/);
    expect(decimalField('0.256800', 'f', 1, 'x')).toBe('0.2568');
  });
});

describe('SkyPilot reader', () => {
  const HEADER = 'InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,AvailabilityZone';
  it('groups AZ rows per region, merges repeated (type, AZ) rows keeping the one with a spot price', () => {
    const csv = [
      HEADER,
      'p4de.24xlarge,A100-80GB,8,96.0,1152.0,,40.96575,,us-east-1,use1-az4',
      'p4de.24xlarge,A100-80GB,8,96.0,1152.0,,40.96575,12.5,us-east-1,use1-az4',
      'p4de.24xlarge,A100-80GB,8,96.0,1152.0,,40.96575,13.1,us-east-1,use1-az6',
      'mac1.metal,,,12.0,32.0,,,,us-east-1,use1-az6',
    ].join('\n');
    const sky = readSkyPilotVms(csv, 'vms.csv');
    expect(sky.rows).toBe(4);
    expect(sky.duplicateRows).toBe(1);
    const p4 = sky.offers.find((o) => o.instanceType === 'p4de.24xlarge')!;
    expect(p4).toMatchObject({ region: 'us-east-1', onDemand: '40.96575', vcpu: 96, memoryGiB: 1152, acceleratorCount: 8 });
    expect([...p4.zones]).toEqual([
      ['use1-az4', '12.5'],
      ['use1-az6', '13.1'],
    ]);
    expect(sky.offers.find((o) => o.instanceType === 'mac1.metal')!.onDemand).toBeUndefined();
  });
  it('fails when on-demand differs between AZs of one region', () => {
    const csv = [HEADER, 'm5.large,,,2.0,8.0,,0.096,0.04,us-east-1,use1-az1', 'm5.large,,,2.0,8.0,,0.097,0.04,us-east-1,use1-az2'].join('\n');
    expect(inputError(() => readSkyPilotVms(csv, 'vms.csv')).message).toBe(
      'vms.csv, row 2, field "Price": m5.large in us-east-1: on-demand 0.097 differs from 0.096 on row 1 (expected one price per region)',
    );
  });
  it('fails on a truncated row', () => {
    expect(inputError(() => readSkyPilotVms(`${HEADER}\nm5.large,,,2.0,8.0,,0.096\n`, 'vms.csv')).message).toMatch(/^vms\.csv: not valid CSV/);
  });
});

describe('ec2instances-2018 readers', () => {
  it('maps the 12 reserved columns to RESERVED_ORDER (1yr std, 1yr conv, 3yr std, 3yr conv)', () => {
    expect(RESERVED_COLUMNS.slice(0, 4)).toEqual([
      'reserved_yrTerm1Standard.noUpfront',
      'reserved_yrTerm1Standard.partialUpfront',
      'reserved_yrTerm1Standard.allUpfront',
      'reserved_yrTerm1Convertible.noUpfront',
    ]);
    const header = `instance_type,region,ondemand_usd_hour,${[...RESERVED_COLUMNS].reverse().join(',')}`;
    const [row] = readEc2InstancesPrices(`${header}\r\nm5.large,us-east-1,0.096,12,11,10,9,8,7,6,5,4,3,2,1\r\n`, 'p.csv');
    expect(row!.reserved).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  });
  it('reads empty offers as absent and N/A specs as unknown', () => {
    const header = `instance_type,region,ondemand_usd_hour,${RESERVED_COLUMNS.join(',')}`;
    const [row] = readEc2InstancesPrices(`${header}\nm1.small,us-east-1,0.044,0.027,,,,,,,,,,,\n`, 'p.csv');
    expect(row!.reserved.filter((r) => r !== undefined)).toEqual(['0.027']);
    const specs = readEc2InstancesSpecs(
      'instance_type,series,current_generation,vcpu,memory_gib,arch,physical_processor,GPU\ni3.metal,i3,true,N/A,512.0,x86_64,Intel Xeon E5-2686 v4,0\nm1.small,m1,false,1,1.7,i386;x86_64,,0\n',
      's.csv',
    );
    expect(specs[0]).toMatchObject({ family: 'i3', vcpu: null, memoryGiB: 512, currentGeneration: true });
    expect(specs[1]).toMatchObject({ arch: 'x86_64', currentGeneration: false });
  });
});

describe('Spot Advisor readers', () => {
  it('reads Linux facts, keeps negative savings, ignores Windows', () => {
    const a = readSpotAdvisor(
      '{"ranges":[{"index":0,"label":"<5%"},{"index":1,"label":"5-10%"}],"spot_advisor":{"ca-central-1":{"Linux":{"p5.48xlarge":{"s":-62,"r":1}},"Windows":{"m5.large":{"s":10,"r":0}}}},"instance_types":{"p5.48xlarge":{"cores":192,"ram_gb":2048}}}',
      'a.json',
    );
    expect(a.labels).toEqual(['<5%', '5-10%']);
    expect([...a.linux.get('ca-central-1')!]).toEqual([['p5.48xlarge', { savingsPercent: -62, bucket: 1 }]]);
    expect(a.types.get('p5.48xlarge')).toEqual({ cores: 192, ramGiB: 2048 });
  });
  it('rejects a bucket outside the ranges', () => {
    const e = inputError(() => readSpotAdvisor('{"ranges":[{"index":0,"label":"<5%"}],"spot_advisor":{"x":{"Linux":{"m5.large":{"s":50,"r":3}}}}}', 'a.json'));
    expect(e.message).toBe('a.json, field "spot_advisor.x.Linux.m5.large.r": expected a range index 0–0, found 3');
  });
  it('reads the architecture snapshot', () => {
    expect(readArchitectureSnapshot('{"families":{"a1":"arm64","c5":"x86_64"}}', 'f.json').get('a1')).toBe('arm64');
    expect(() => readArchitectureSnapshot('{"families":{"a1":"amd64"}}', 'f.json')).toThrow(/families\.a1/);
  });
});

describe('2023 Price List extracts', () => {
  it('libcloud: current-generation flag and memory', () => {
    const [g] = readLibcloudAttributes(
      'instance_type,vcpu,memory,clockSpeed,physicalProcessor,processorArchitecture,networkPerformance,instanceFamily,currentGeneration,ecu,normalizationSizeFactor,storage,gpu\r\nx1e.32xlarge,128,"3,904 GiB",2.3 GHz,High Frequency Intel Xeon E7-8880 v3 (Haswell),64-bit,25 Gigabit,Memory optimized,No,340,256,2 x 1920 SSD,\r\n',
      'l.csv',
    );
    expect(g).toMatchObject({ instanceType: 'x1e.32xlarge', currentGeneration: false, vcpu: 128, memoryGiB: 3904 });
  });
  it('LeanerCloud: 0 means not offered', () => {
    const rows = readLeanerCloudUsEast1(
      'instance_type,physical_processor,arch,vcpu,memory_gb,linux_ondemand_us_east_1,linux_spot_min_us_east_1,linux_ri_std_1yr_all_upfront_effective_hourly_us_east_1,windows_ondemand_us_east_1,rhel_ondemand_us_east_1,sles_ondemand_us_east_1\ncc2.8xlarge,x,x86_64,32,60.5,0,0,0,0,0,0\nm5.large,x,x86_64,2,8,0.096,0.04,0.056393,0.188,0.156,0.222\n',
      'lc.csv',
    );
    expect(rows.map((r) => [r.instanceType, r.onDemand, r.reserved1yrStandardAllUpfront])).toEqual([
      ['cc2.8xlarge', undefined, undefined],
      ['m5.large', '0.096', '0.056393'],
    ]);
  });
});

describe('GetProducts partial-upfront evidence', () => {
  it('measures the upfront share of each partial-upfront offer', () => {
    const product = {
      product: { attributes: { instanceType: 'm5.large', location: 'US East (N. Virginia)' } },
      publicationDate: '2021-02-05T20:45:00Z',
      terms: {
        Reserved: {
          A: { termAttributes: { LeaseContractLength: '1yr', PurchaseOption: 'Partial Upfront' }, priceDimensions: { q: { unit: 'Quantity', pricePerUnit: { USD: '438' } }, h: { unit: 'Hrs', pricePerUnit: { USD: '0.05' } } } },
          B: { termAttributes: { LeaseContractLength: '1yr', PurchaseOption: 'No Upfront' }, priceDimensions: { h: { unit: 'Hrs', pricePerUnit: { USD: '0.06' } } } },
        },
      },
    };
    const e = readPartialSplit(JSON.stringify(product), 'gp.json');
    expect(e.asOf).toBe('2021-02-05');
    expect(e.upfrontShares.map((s) => s.toFixed())).toEqual(['0.5']); // 438 / (438 + 0.05 × 8760)
  });
  it('rounds the measured mean share to the nearest half and states the range', () => {
    const split = partialSplitFrom({ instanceType: 'm5.large', location: 'US East (N. Virginia)', asOf: '2021-02-05', upfrontShares: [dec('0.4968'), dec('0.5028'), dec('0.4948')] }, 'gp');
    expect(split.upfrontShare).toBe('0.5');
    expect(split.basis).toMatchObject({ kind: 'estimate', source: 'gp', asOf: '2021-02-05' });
    expect(split.basis.method).toContain('its 3 partial-upfront offers put 49.5–50.3 % of the term cost upfront');
  });
  it('needs at least one partial-upfront offer', () => {
    expect(inputError(() => readPartialSplit('{"terms":{"Reserved":{}}}', 'gp.json')).message).toBe('gp.json, field "terms.Reserved": no partial-upfront offer to measure');
  });
});
