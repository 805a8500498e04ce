/**
 * Cluster strategy: every app runs on one Kubernetes node pool. The pool is sized for the summed demand
 * (apps split into pods freely, so the packing is the fluid bound), with the same cheapest-fit and
 * tie-break as per-app sizing. Each app's share of the pool is its dominant-resource share
 * (max of its CPU share and RAM share), normalised so shares add up to 100 %.
 */
import type { CandidateSet } from './candidates.js';
import { vcpuNeed, type AppDemand } from './demand.js';
import { pickInstance, type Sizing } from './pick-instance.js';

export interface ClusterSizing {
  readonly pool: Sizing;
  /** Per app (same order as the demands): share of the pool (0..1) and vCPU need on the pool type. */
  readonly shares: readonly { readonly share: number; readonly needVcpu: number }[];
}

export function sizeCluster(demands: readonly AppDemand[], set: CandidateSet, minInstances: number): ClusterSizing | { unsized: string } {
  const total = {
    needCpuGhz: demands.reduce((a, d) => a + d.needCpuGhz, 0),
    needCpuVcpu: demands.reduce((a, d) => a + d.needCpuVcpu, 0),
    needMemoryGiB: demands.reduce((a, d) => a + d.needMemoryGiB, 0),
  };
  const pool = pickInstance(total, set, minInstances);
  if ('unsized' in pool) return pool;
  const clock = pool.candidate.spec.sustainedClockGhz;
  const needs = demands.map((d) => vcpuNeed(d, clock) ?? 0);
  const cpuTotal = needs.reduce((a, b) => a + b, 0);
  const weights = demands.map((d, i) =>
    Math.max(cpuTotal > 0 ? (needs[i] ?? 0) / cpuTotal : 0, total.needMemoryGiB > 0 ? d.needMemoryGiB / total.needMemoryGiB : 0),
  );
  const wTotal = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w, i) => ({ share: wTotal > 0 ? w / wTotal : 1 / demands.length, needVcpu: needs[i] ?? 0 }));
  return { pool: { ...pool, reason: `one node pool for ${demands.length} apps; ${pool.reason}` }, shares };
}
