/**
 * The public source files the EC2 snapshot is built from (paths relative to the shared folder), their
 * dates of facts, origins, and the digest of each file read.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../../src/errors.js';
import type { ManifestSource, SourceFile } from '../part.js';

export interface SourceDef {
  readonly id: string;
  readonly description: string;
  /** Date of the facts when the files do not carry it (the reader may override it from the file). */
  readonly asOf: string;
  readonly origin: string;
  readonly files: Readonly<Record<string, string>>;
}

export const SOURCES = {
  karpenterCatalog: {
    id: 'karpenter-catalog',
    description: 'Karpenter instance-type catalog: vCPU, memory, arch, CPU maker, sustained clock, family, generation, size, bare metal, burstable, network, GPUs',
    asOf: '2026-07-11',
    origin: 'aws/karpenter-provider-aws website/content/en/v1.14/reference/instance-types.md @ 692ccdd (Apache-2.0)',
    files: { catalog: 'data/karpenter/ec2_catalog_karpenter.csv', network: 'data/karpenter/network_bandwidth.json' },
  },
  karpenterPricing: {
    id: 'karpenter-pricing',
    description: 'Karpenter generated on-demand Linux prices, us-east-1, from the AWS Pricing API',
    asOf: '2026-07-20',
    origin: 'aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go @ 6fc13b5 (Apache-2.0)',
    files: { prices: 'data/karpenter/ondemand_linux_us-east-1.json' },
  },
  skypilot: {
    id: 'skypilot-v7',
    description: 'SkyPilot AWS catalog v7: on-demand per type and region, spot price per availability zone',
    asOf: '2025-05-01',
    origin: 'skypilot-org/skypilot-catalog catalogs/v7/aws/vms.csv @ 001367d (Apache-2.0)',
    files: { vms: 'data/skypilot/vms_full.csv' },
  },
  ec2instances: {
    id: 'ec2instances-2018',
    description: 'ec2instances.info: Linux on-demand and 12 reserved effective hourly rates per type and region; specs',
    asOf: '2018-08-16',
    origin: 'LeanerCloud/ec2-instances-info data/generated_bindata.go @ 1133f29 (Unlicense)',
    files: { prices: 'data/ec2instances-2018/prices_linux_all_regions.csv', specs: 'data/ec2instances-2018/specs.csv' },
  },
  spotAdvisor: {
    id: 'spot-advisor',
    description: 'AWS Spot Instance Advisor: savings % vs on-demand and interruption-frequency bucket per region (Linux)',
    asOf: '2025-06-28',
    origin: 'AWS spot-advisor-data.json, copy in alexei-led/spotinfo internal/spot/data/ (Apache-2.0)',
    files: { advisor: 'data/spot-advisor/spot-advisor-data.json' },
  },
  architecture: {
    id: 'spot-advisor-architecture',
    description: 'Instance family → CPU architecture, reviewed against AWS documentation',
    asOf: '2026-08-06',
    origin: 'alexei-led/spotinfo internal/spot/data/architecture-snapshot.json (Apache-2.0)',
    files: { families: 'data/spot-advisor/architecture-snapshot.json' },
  },
  libcloud: {
    id: 'libcloud-2023',
    description: 'AWS Price List attributes per type: current-generation flag, physical processor',
    asOf: '2023-08-06',
    origin: 'apache/libcloud (Apache-2.0)',
    files: { attributes: 'data/libcloud-2023/ec2_pricelist_attrs_2023-08.csv' },
  },
  leanercloud: {
    id: 'leanercloud-2023',
    description: 'us-east-1 Linux on-demand and 1-year standard all-upfront effective hourly',
    asOf: '2023-08-30',
    origin: 'LeanerCloud/ec2-instances-info (Unlicense)',
    files: { prices: 'data/leanercloud-2023/us-east-1_od_spot_ri1yr_2023-08.csv' },
  },
  getProducts: {
    id: 'aws-getproducts-2021',
    description: 'One AWS Pricing API GetProducts product (m5.large, US East) with its 12 reserved offers: evidence for the partial-upfront split',
    asOf: '2021-02-05',
    origin: 'aws/amazon-ec2-instance-selector test fixtures (Apache-2.0)',
    files: { product: 'corpora/ec2_pricing_api/amazon-ec2-instance-selector/GetProducts/m5_large.json' },
  },
} as const satisfies Record<string, SourceDef>;

export type SourceKey = keyof typeof SOURCES;

export interface ReadFile {
  readonly path: string;
  readonly absolute: string;
  readonly text: string;
  readonly record: SourceFile;
}

export function readSourceFile(shared: string, path: string): ReadFile {
  const absolute = resolve(shared, path);
  let buf: Buffer;
  try {
    buf = readFileSync(absolute);
  } catch {
    throw new InputError({ file: absolute }, 'source file is missing (npm run data:build needs ../shared beside the checkout, or --shared <dir>)');
  }
  return { path, absolute, text: buf.toString('utf8'), record: { path, sha256: createHash('sha256').update(buf).digest('hex'), bytes: buf.length } };
}

export function manifestSource(def: SourceDef, files: readonly ReadFile[], asOf: string, notes: readonly string[]): ManifestSource {
  return { id: def.id, description: def.description, asOf, origin: def.origin, files: files.map((f) => f.record), notes };
}
