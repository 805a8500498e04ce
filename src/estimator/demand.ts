/**
 * Application demand at peak: Σ GHz, Σ vCPU-equivalents, Σ GiB over its prod VMs, times (1 + headroom).
 * The vCPU need depends on the target type: GHz ÷ its sustained clock, plus the vCPU-equivalents.
 */
import type { VmRecord } from './inventory/types.js';

export interface AppDemand {
  readonly app: string;
  readonly vmCount: number;
  /** Peak figures as inventoried (before headroom). */
  readonly peakCpuGhz: number;
  readonly peakCpuVcpu: number;
  readonly peakMemoryGiB: number;
  /** Figures to size for (after headroom). */
  readonly needCpuGhz: number;
  readonly needCpuVcpu: number;
  readonly needMemoryGiB: number;
  /** Distinct ways the CPU figures were obtained. */
  readonly cpuBases: readonly string[];
}

export function groupDemand(records: readonly VmRecord[], appOf: (r: VmRecord) => string, headroomPct: number): AppDemand[] {
  const acc = new Map<string, { vmCount: number; ghz: number; vcpu: number; mem: number; bases: Set<string> }>();
  for (const r of records) {
    const app = appOf(r);
    let a = acc.get(app);
    if (!a) acc.set(app, (a = { vmCount: 0, ghz: 0, vcpu: 0, mem: 0, bases: new Set() }));
    a.vmCount += r.vmCount;
    a.ghz += r.peakCpuGhz;
    a.vcpu += r.peakCpuVcpu;
    a.mem += r.peakMemoryGiB;
    a.bases.add(r.cpuBasis);
  }
  const k = 1 + headroomPct / 100;
  return [...acc].map(([app, a]) => ({
    app,
    vmCount: a.vmCount,
    peakCpuGhz: a.ghz,
    peakCpuVcpu: a.vcpu,
    peakMemoryGiB: a.mem,
    needCpuGhz: a.ghz * k,
    needCpuVcpu: a.vcpu * k,
    needMemoryGiB: a.mem * k,
    cpuBases: [...a.bases],
  }));
}

/** vCPU need on a type with the given sustained clock; undefined when GHz demand meets an unknown clock. */
export function vcpuNeed(d: Pick<AppDemand, 'needCpuGhz' | 'needCpuVcpu'>, clockGhz: number | null): number | undefined {
  if (d.needCpuGhz > 0 && (clockGhz === null || clockGhz <= 0)) return undefined;
  return (d.needCpuGhz > 0 ? d.needCpuGhz / (clockGhz as number) : 0) + d.needCpuVcpu;
}

const EPS = 1e-9;

/** Instances of (vcpu, memoryGiB) covering the need, at least `min`. */
export function instancesFor(needVcpu: number, needMemoryGiB: number, vcpu: number, memoryGiB: number, min: number): number {
  return Math.max(min, Math.ceil(needVcpu / vcpu - EPS), Math.ceil(needMemoryGiB / memoryGiB - EPS));
}
