/**
 * What the budget leaves out or cannot hold as inventoried, said at the top of every output:
 * - an application whose rows are all non-prod: environments are ratios of prod, so it is in no
 *   environment's cost;
 * - a VM that no single candidate type can hold (its peak vCPU or RAM, with headroom, exceeds every type):
 *   the app's demand is still spread across instances, but that VM, as it is, cannot run on one.
 */
import type { CandidateSet } from './candidates.js';
import { vcpuNeed } from './demand.js';
import type { ServiceRecord, VmRecord } from './inventory/types.js';
import { rowWhere } from './inventory/row-text.js';

export function nonProdOnlyWarnings(
  records: readonly VmRecord[],
  services: readonly ServiceRecord[],
  isProd: (env: string) => boolean,
  appOf: (r: VmRecord) => string,
): string[] {
  const prodApps = new Set<string>();
  const others = new Map<string, Set<string>>();
  const note = (app: string, env: string): void => {
    if (isProd(env)) prodApps.add(app);
    else {
      let s = others.get(app);
      if (!s) others.set(app, (s = new Set()));
      s.add(env);
    }
  };
  records.forEach((r) => note(appOf(r), r.env));
  services.forEach((s) => note(s.app, s.env));
  return [...others]
    .filter(([app]) => !prodApps.has(app))
    .map(([app, envs]) => `app "${app}" has no prod row: its ${[...envs].sort().join(', ')} rows are in no environment's cost (environments are ratios of prod); give its prod rows or estimate it apart`);
}

function fmt(n: number): string {
  return Number(n.toFixed(2)).toString();
}

export function oversizedVmWarnings(prodRecords: readonly VmRecord[], set: CandidateSet, headroomPct: number, appOf: (r: VmRecord) => string): string[] {
  if (set.candidates.length === 0) return [];
  const k = 1 + headroomPct / 100;
  const largest = set.candidates.reduce((a, c) => (c.spec.memoryGiB > a.spec.memoryGiB || (c.spec.memoryGiB === a.spec.memoryGiB && c.spec.vcpu > a.spec.vcpu) ? c : a));
  const out: string[] = [];
  for (const r of prodRecords) {
    const n = Math.max(r.vmCount, 1);
    const vm = { needCpuGhz: (r.peakCpuGhz / n) * k, needCpuVcpu: (r.peakCpuVcpu / n) * k, needMemoryGiB: (r.peakMemoryGiB / n) * k };
    const fits = set.candidates.some((c) => {
      const v = vcpuNeed(vm, c.spec.sustainedClockGhz);
      return v !== undefined && v <= c.spec.vcpu + 1e-9 && vm.needMemoryGiB <= c.spec.memoryGiB + 1e-9;
    });
    if (fits) continue;
    const what = r.rowKind === 'app' ? `each of the ${r.vmCount} VMs of "${r.vm}"` : `VM "${r.vm}"`;
    out.push(
      `${what} (app ${appOf(r)}, ${rowWhere(r.ref)}) needs ${fmt(vm.needMemoryGiB)} GiB and ${fmt(vm.needCpuGhz)} GHz + ${fmt(vm.needCpuVcpu)} vCPU at peak: ` +
        `no single candidate type holds it (the largest, ${largest.spec.instanceType}, has ${largest.spec.vcpu} vCPU and ${largest.spec.memoryGiB} GiB); ` +
        `its demand is spread across instances, which this VM as it is cannot use`,
    );
  }
  return out;
}
