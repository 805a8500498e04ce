/**
 * Instance facts from `DescribeInstanceTypes` (every page) → InstanceTypeSpec: vCPU, MiB → GiB,
 * architecture, sustained clock, burstable, bare metal, current generation, network, GPUs.
 */
import { DescribeInstanceTypesCommand, type EC2Client, type InstanceTypeInfo } from '@aws-sdk/client-ec2';
import { InputError, type InputLocation } from '../errors.js';
import type { InstanceTypeSpec } from '../catalog/types.js';
import { call, nextToken } from './connection.js';

const MANUFACTURERS: Readonly<Record<string, string>> = {
  intel: 'intel',
  amd: 'amd',
  aws: 'aws',
  'amazon web services': 'aws',
  apple: 'apple',
  nvidia: 'nvidia',
};

/** "m5.xlarge" → family "m5", generation 5, size "xlarge"; "u-6tb1.metal" → family "u-6tb1", generation 1. */
export function splitInstanceType(name: string): { family: string; generation: number; size: string } {
  const dot = name.indexOf('.');
  const family = dot < 0 ? name : name.slice(0, dot);
  const size = dot < 0 ? '' : name.slice(dot + 1);
  const digits = /(\d+)[a-z-]*$/.exec(family.replace(/^u-\d+tb/, 'u'));
  return { family, generation: digits ? Number(digits[1]) : 0, size };
}

/** Network baseline: NetworkCards' baseline Gbps when published, else a fixed "N Gigabit" (not "Up to"). */
function networkMbps(info: InstanceTypeInfo): number | null {
  const cards = info.NetworkInfo?.NetworkCards ?? [];
  const baseline = cards.reduce((sum, c) => sum + (c.BaselineBandwidthInGbps ?? 0), 0);
  if (baseline > 0) return Math.round(baseline * 1000);
  const m = /^(\d+(?:\.\d+)?) Gigabit$/.exec(info.NetworkInfo?.NetworkPerformance ?? '');
  return m ? Math.round(Number(m[1]) * 1000) : null;
}

export function toInstanceTypeSpec(info: InstanceTypeInfo, where: InputLocation): InstanceTypeSpec {
  const field = (f: string) => ({ ...where, field: `${where.field}.${f}` });
  const name = info.InstanceType;
  if (!name) throw new InputError(field('InstanceType'), 'missing');
  const vcpu = info.VCpuInfo?.DefaultVCpus;
  if (typeof vcpu !== 'number') throw new InputError(field('VCpuInfo.DefaultVCpus'), `missing for ${name}`);
  const mib = info.MemoryInfo?.SizeInMiB;
  if (typeof mib !== 'number') throw new InputError(field('MemoryInfo.SizeInMiB'), `missing for ${name}`);
  const archs = info.ProcessorInfo?.SupportedArchitectures ?? [];
  if (archs.length === 0) throw new InputError(field('ProcessorInfo.SupportedArchitectures'), `missing for ${name}`);
  const arm = archs.some((a) => String(a).startsWith('arm64'));
  const maker = info.ProcessorInfo?.Manufacturer?.trim().toLowerCase();
  const { family, generation, size } = splitInstanceType(name);
  return {
    instanceType: name,
    family,
    generation,
    size,
    vcpu,
    memoryGiB: mib / 1024,
    arch: arm ? 'arm64' : 'x86_64',
    cpuManufacturer: maker ? (MANUFACTURERS[maker] ?? maker) : 'unknown',
    sustainedClockGhz: info.ProcessorInfo?.SustainedClockSpeedInGhz ?? null,
    burstable: info.BurstablePerformanceSupported ?? false,
    bareMetal: info.BareMetal ?? false,
    currentGeneration: info.CurrentGeneration ?? false,
    networkBandwidthMbps: networkMbps(info),
    gpuCount: (info.GpuInfo?.Gpus ?? []).reduce((n, g) => n + (g.Count ?? 0), 0),
  };
}

/** Every instance type offered in the client's region (or only `names`), all pages. */
export async function fetchInstanceTypes(client: EC2Client, names?: readonly string[]): Promise<InstanceTypeSpec[]> {
  const specs = new Map<string, InstanceTypeSpec>();
  // DescribeInstanceTypes takes at most 100 names per call, and no MaxResults with names.
  const batches: (readonly string[] | undefined)[] = names && names.length > 0 ? chunk(names, 100) : [undefined];
  let page = 0;
  for (const batch of batches) {
    let token: string | undefined;
    do {
      page++;
      const file = `DescribeInstanceTypes page ${page}`;
      const out = await call(file, () =>
        client.send(new DescribeInstanceTypesCommand(batch ? { InstanceTypes: batch as never, NextToken: token } : { MaxResults: 100, NextToken: token })),
      );
      (out.InstanceTypes ?? []).forEach((info, i) => {
        const spec = toInstanceTypeSpec(info, { file, row: i + 1, field: `InstanceTypes[${i}]` });
        specs.set(spec.instanceType, spec);
      });
      token = nextToken(token, out.NextToken, file);
    } while (token);
  }
  return [...specs.values()].sort((a, b) => a.instanceType.localeCompare(b.instanceType));
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
