/**
 * Cheapest fit: for each candidate type, the count covering the vCPU and RAM need (at least the minimum),
 * priced on demand; the cheapest wins. Within a family many combinations tie on cost
 * (2 × m5.xlarge = 1 × m5.2xlarge = 4 × m5.large), so ties break toward at least 2 instances
 * (availability across zones), then the fewest instances, then the newer generation, then the name.
 * The search compares floats with a relative tolerance; the chosen cost is then computed exactly.
 */
import { dec, type Decimal } from '../money/index.js';
import type { Candidate, CandidateSet } from './candidates.js';
import { instancesFor, vcpuNeed } from './demand.js';

export interface Need {
  readonly needCpuGhz: number;
  readonly needCpuVcpu: number;
  readonly needMemoryGiB: number;
}

export interface Fit {
  readonly candidate: Candidate;
  readonly count: number;
  readonly vcpuNeed: number;
  readonly costApprox: number;
}

export interface Sizing {
  readonly instanceType: string;
  readonly candidate: Candidate;
  readonly count: number;
  readonly vcpuNeed: number;
  readonly memoryNeedGiB: number;
  /** Exact on-demand USD/h for all `count` instances. */
  readonly hourlyUsd: Decimal;
  /** Why this type and count, in one sentence. */
  readonly reason: string;
}

const REL_TOL = 1e-9;

export function sameCost(a: number, b: number): boolean {
  return Math.abs(a - b) <= REL_TOL * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

/** Negative when `a` is the better fit. */
export function compareFits(a: Fit, b: Fit): number {
  if (!sameCost(a.costApprox, b.costApprox)) return a.costApprox - b.costApprox;
  const a2 = a.count >= 2 ? 0 : 1;
  const b2 = b.count >= 2 ? 0 : 1;
  if (a2 !== b2) return a2 - b2;
  if (a.count !== b.count) return a.count - b.count;
  if (a.candidate.spec.generation !== b.candidate.spec.generation) return b.candidate.spec.generation - a.candidate.spec.generation;
  return a.candidate.spec.instanceType.localeCompare(b.candidate.spec.instanceType);
}

export function fitOn(c: Candidate, need: Need, minInstances: number): Fit | undefined {
  const v = vcpuNeed(need, c.spec.sustainedClockGhz);
  if (v === undefined) return undefined;
  const count = instancesFor(v, need.needMemoryGiB, c.spec.vcpu, c.spec.memoryGiB, minInstances);
  return { candidate: c, count, vcpuNeed: v, costApprox: count * c.usdPerHourApprox };
}

/** Best fit and the fits tied with it on cost; undefined when no candidate can take GHz demand. */
export function bestFits(need: Need, set: CandidateSet, minInstances: number): { best: Fit; tied: Fit[]; noClock: number } | undefined {
  let best: Fit | undefined;
  let noClock = 0;
  const fits: Fit[] = [];
  for (const c of set.candidates) {
    const fit = fitOn(c, need, minInstances);
    if (!fit) {
      noClock++;
      continue;
    }
    fits.push(fit);
    if (!best || compareFits(fit, best) < 0) best = fit;
  }
  if (!best) return undefined;
  const b = best;
  const tied = fits.filter((f) => f !== b && sameCost(f.costApprox, b.costApprox)).sort(compareFits);
  return { best: b, tied, noClock };
}

/** Which tie-break rule separated the chosen fit from the runner-up. */
export function tieRule(best: Fit, next: Fit): string {
  if ((best.count >= 2) !== (next.count >= 2)) return 'chose at least 2 instances (availability across zones)';
  if (best.count !== next.count) return 'chose the fewest instances (at least 2 where the cost allows)';
  if (best.candidate.spec.generation !== next.candidate.spec.generation) return 'chose the newer generation';
  return 'chose by name order';
}

function fmt(n: number, places = 2): string {
  return Number(n.toFixed(places)).toString();
}

/** Describes the vCPU need: "5.16 vCPU (16 GHz ÷ 3.1 GHz sustained)". */
export function describeCpuNeed(need: Need, fit: Fit): string {
  const clock = fit.candidate.spec.sustainedClockGhz;
  const parts: string[] = [];
  if (need.needCpuGhz > 0 && clock) parts.push(`${fmt(need.needCpuGhz)} GHz ÷ ${clock} GHz sustained`);
  if (need.needCpuVcpu > 0) parts.push(`${fmt(need.needCpuVcpu)} vCPU-equivalents`);
  return `${fmt(fit.vcpuNeed)} vCPU${parts.length ? ` (${parts.join(' + ')})` : ''}`;
}

export function pickInstance(need: Need, set: CandidateSet, minInstances: number): Sizing | { unsized: string } {
  const found = bestFits(need, set, minInstances);
  if (!found) return { unsized: `no candidate type publishes a sustained clock to convert ${fmt(need.needCpuGhz)} GHz into vCPU` };
  const { best, tied } = found;
  const c = best.candidate;
  const hourlyUsd = dec(c.usdPerHour).times(best.count);
  const binding = best.count === minInstances && minInstances > 1 ? `the minimum of ${minInstances}` : best.vcpuNeed / c.spec.vcpu >= need.needMemoryGiB / c.spec.memoryGiB ? 'CPU' : 'RAM';
  let reason =
    `${set.description}: ${best.count} × ${c.spec.instanceType} (${c.spec.vcpu} vCPU, ${c.spec.memoryGiB} GiB) cover ` +
    `${describeCpuNeed(need, best)} and ${fmt(need.needMemoryGiB)} GiB (${binding} decides the count) at $${hourlyUsd.toString()}/h, the lowest cost`;
  if (tied.length > 0) {
    const list = tied.slice(0, 3).map((t) => `${t.count} × ${t.candidate.spec.instanceType}`);
    const more = tied.length > 3 ? ` and ${tied.length - 3} more` : '';
    reason += `; tied on cost with ${list.join(', ')}${more}: ${tieRule(best, tied[0]!)}`;
  }
  return { instanceType: c.spec.instanceType, candidate: c, count: best.count, vcpuNeed: best.vcpuNeed, memoryNeedGiB: need.needMemoryGiB, hourlyUsd, reason };
}
