/**
 * Instance-type facts for the snapshot. Karpenter's catalog (2026-07-11) is the primary source; types
 * priced somewhere but absent from it get their facts from ec2instances-2018, the 2023 Price List
 * attributes, SkyPilot and the Spot Advisor, in that order, with a null sustained clock (those sources
 * publish only marketing clocks). Current generation: see currentGenerationRule().
 */
import type { Arch, InstanceTypeSpec } from '../../../src/catalog/types.js';
import type { Ec2InstancesSpec } from './ec2instances.js';
import type { KarpenterType } from './karpenter.js';
import type { PriceListAttributes } from './price-list-2023.js';
import type { SkyPilotOffer } from './skypilot.js';

export interface SpecInputs {
  readonly karpenter: readonly KarpenterType[];
  readonly network: ReadonlyMap<string, number>;
  readonly ec2instances: readonly Ec2InstancesSpec[];
  readonly priceList: readonly PriceListAttributes[];
  readonly skypilot: readonly SkyPilotOffer[];
  readonly advisorTypes: ReadonlyMap<string, { readonly cores: number; readonly ramGiB: number }>;
  readonly architecture: ReadonlyMap<string, Arch>;
}

export interface SpecResult {
  readonly specs: readonly InstanceTypeSpec[];
  /** Which source gave the facts: karpenter / ec2instances-2018 / libcloud-2023 / skypilot-v7 / spot-advisor. */
  readonly specSource: ReadonlyMap<string, string>;
  /** Types that appear in a price source but have no facts anywhere (left out of the snapshot). */
  readonly withoutFacts: readonly string[];
}

/** "m5" from "m5.xlarge"; "xlarge" from it. */
export function splitName(instanceType: string): { family: string; size: string } {
  const dot = instanceType.indexOf('.');
  return { family: instanceType.slice(0, dot), size: instanceType.slice(dot + 1) };
}

/** Generation: the last digit run of the family ("m5d" → 5, "u-12tb1" → 1, "mac2-m2pro" → 2). */
export function generationOf(family: string): number {
  const runs = family.match(/\d+/g);
  if (!runs) return 0;
  const lastRun = /^([a-z]+)(\d+)/.exec(family);
  return Number(lastRun ? lastRun[2] : runs[runs.length - 1]);
}

export function cpuMakerOf(processor: string): string {
  const p = processor.toLowerCase();
  if (p.includes('graviton')) return 'aws';
  if (p.includes('intel')) return 'intel';
  if (p.includes('amd')) return 'amd';
  if (p.includes('apple')) return 'apple';
  return 'unknown';
}

/**
 * Current generation, decided in this order: the type's own flag in the 2023 Price List attributes
 * (AWS `currentGeneration`), else its flag in ec2instances-2018, else its family's flag in either, else
 * true: a family absent from both flag sources was launched after 2023-08, and is current.
 */
export function currentGenerationRule(priceList: readonly PriceListAttributes[], ec2instances: readonly Ec2InstancesSpec[]): (instanceType: string) => boolean {
  const byType = new Map<string, boolean>();
  const byFamily = new Map<string, boolean>();
  for (const s of ec2instances) {
    byType.set(s.instanceType, s.currentGeneration);
    byFamily.set(splitName(s.instanceType).family, s.currentGeneration);
  }
  // The 2023 flags are newer: they overwrite the 2018 ones.
  for (const a of priceList) {
    byType.set(a.instanceType, a.currentGeneration);
    byFamily.set(splitName(a.instanceType).family, a.currentGeneration);
  }
  return (t) => byType.get(t) ?? byFamily.get(splitName(t).family) ?? true;
}

export function buildSpecs(inputs: SpecInputs, offered: ReadonlySet<string>): SpecResult {
  const current = currentGenerationRule(inputs.priceList, inputs.ec2instances);
  const specs = new Map<string, InstanceTypeSpec>();
  const specSource = new Map<string, string>();
  for (const k of inputs.karpenter) {
    specs.set(k.instanceType, {
      instanceType: k.instanceType,
      family: k.family,
      generation: k.generation,
      size: k.size,
      vcpu: k.vcpu,
      memoryGiB: k.memoryGiB,
      arch: k.arch,
      cpuManufacturer: k.cpuManufacturer,
      sustainedClockGhz: k.sustainedClockGhz,
      burstable: k.burstable,
      bareMetal: k.bareMetal,
      currentGeneration: current(k.instanceType),
      networkBandwidthMbps: k.networkBandwidthMbps ?? inputs.network.get(k.instanceType) ?? null,
      gpuCount: k.gpuCount,
    });
    specSource.set(k.instanceType, 'karpenter');
  }
  const e18 = new Map(inputs.ec2instances.map((s) => [s.instanceType, s]));
  const pl = new Map(inputs.priceList.map((a) => [a.instanceType, a]));
  const sky = new Map<string, SkyPilotOffer>();
  for (const o of inputs.skypilot) if (!sky.has(o.instanceType)) sky.set(o.instanceType, o);
  const withoutFacts: string[] = [];
  for (const t of [...offered].sort()) {
    if (specs.has(t)) continue;
    const { family, size } = splitName(t);
    const a = e18.get(t);
    const b = pl.get(t);
    const c = sky.get(t);
    const d = inputs.advisorTypes.get(t);
    const vcpu = a?.vcpu ?? b?.vcpu ?? c?.vcpu ?? d?.cores ?? null;
    const memoryGiB = a?.memoryGiB ?? b?.memoryGiB ?? c?.memoryGiB ?? d?.ramGiB ?? null;
    const arch = inputs.architecture.get(family) ?? (a?.arch === 'x86_64' || a?.arch === 'arm64' ? a.arch : undefined);
    if (vcpu === null || memoryGiB === null || arch === undefined) {
      withoutFacts.push(t);
      continue;
    }
    specs.set(t, {
      instanceType: t,
      family,
      generation: generationOf(family),
      size,
      vcpu,
      memoryGiB,
      arch,
      cpuManufacturer: cpuMakerOf(a?.physicalProcessor || b?.physicalProcessor || (family.startsWith('mac2') ? 'Apple' : '')),
      sustainedClockGhz: null,
      burstable: /^t\d/.test(family),
      bareMetal: size.includes('metal'),
      currentGeneration: current(t),
      networkBandwidthMbps: inputs.network.get(t) ?? null,
      gpuCount: a?.gpuCount ?? c?.acceleratorCount ?? 0,
    });
    specSource.set(t, a ? 'ec2instances-2018' : b ? 'libcloud-2023' : c ? 'skypilot-v7' : 'spot-advisor');
  }
  const sorted = [...specs.values()].sort((x, y) => (x.instanceType < y.instanceType ? -1 : 1));
  return { specs: sorted, specSource, withoutFacts };
}
