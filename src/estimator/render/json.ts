/** The JSON view of an estimate (the documented contract). Costs are unrounded numbers in the output currency. */
import { dec, toNumber } from '../../money/index.js';
import type { ComponentResult, EstimateResult } from '../result.js';

/** Measurements (GHz, GiB, vCPU) rounded to 6 places to hide float noise from summing. */
const m = (n: number): number => Math.round(n * 1e6) / 1e6;

export function estimateJson(r: EstimateResult): Record<string, unknown> {
  return {
    warnings: r.warnings,
    currency: r.currency,
    region: r.region,
    hoursPerMonth: r.hoursPerMonth,
    usdToEur: toNumber(dec(r.fx.usdToEur)),
    fx: { usdToEur: r.fx.usdToEur, ...(r.fx.usdPerEur ? { usdPerEur: r.fx.usdPerEur } : {}), asOf: r.fx.asOf, source: r.fx.source },
    pricesAsOf: r.pricesAsOf,
    priceDates: r.priceDates,
    headroomPct: r.headroomPct,
    minInstances: r.minInstances,
    strategy: r.strategy,
    typeSelection: r.typeSelection,
    groupBy: r.groupBy,
    apps: r.apps.map((a) => ({
      app: a.app,
      vmCount: a.vmCount,
      peakCpuGhz: m(a.peakCpuGhz),
      peakCpuVcpu: m(a.peakCpuVcpu),
      peakMemoryGiB: m(a.peakMemoryGiB),
      needVcpu: m(a.needVcpu),
      needMemoryGiB: m(a.needMemoryGiB),
      instanceType: a.instanceType,
      instanceCount: m(a.instanceCount),
      ...(a.sharePercent !== undefined ? { sharePercent: m(a.sharePercent) } : {}),
      usdPerHourEach: a.usdPerHourEach === null ? null : toNumber(dec(a.usdPerHourEach)),
      hourlyCost: toNumber(a.hourlyCost),
      monthlyCost: toNumber(a.monthlyCost),
      reason: a.reason,
      cpuBasis: a.cpuBases,
    })),
    ...(r.pool
      ? {
          pool: {
            instanceType: r.pool.instanceType,
            instanceCount: r.pool.instanceCount,
            usdPerHourEach: toNumber(dec(r.pool.usdPerHourEach)),
            hourlyCost: toNumber(r.pool.hourlyCost),
            monthlyCost: toNumber(r.pool.monthlyCost),
            reason: r.pool.reason,
          },
        }
      : {}),
    environments: r.environments.map((e) => ({
      name: e.name,
      ratio: toNumber(dec(e.ratio)),
      monthlyCost: toNumber(e.monthlyCost),
      computeMonthlyCost: toNumber(e.computeMonthlyCost),
      servicesMonthlyCost: toNumber(e.servicesMonthlyCost),
      trafficMonthlyCost: toNumber(e.trafficMonthlyCost),
    })),
    computeMonthlyCost: toNumber(r.computeMonthlyCost),
    servicesMonthlyCost: toNumber(r.servicesMonthlyCost),
    trafficMonthlyCost: toNumber(r.trafficMonthlyCost),
    services: r.services.map((s) => ({
      app: s.app,
      ...(s.name ? { name: s.name } : {}),
      kind: s.kind,
      spec: s.spec,
      specText: s.specText,
      monthlyCost: toNumber(s.monthlyCost),
      complete: s.complete,
      components: s.components.map(componentJson),
      file: s.file,
      row: s.row,
    })),
    traffic: r.traffic.map((t) => ({
      app: t.app,
      internetEgressGb: t.internetEgressGb,
      interAzGb: t.interAzGb,
      monthlyCost: toNumber(t.monthlyCost),
      complete: t.complete,
      components: t.components.map(componentJson),
    })),
    notPriced: r.notPriced,
    totalMonthlyCost: toNumber(r.totalMonthlyCost),
    totalYearlyCost: toNumber(r.totalYearlyCost),
    scenarios: r.scenarios.map((s) => ({
      name: s.name,
      title: s.title,
      totalMonthlyCost: toNumber(s.totalMonthlyCost),
      environments: s.environments.map((e) => ({ name: e.name, monthlyCost: toNumber(e.monthlyCost) })),
      basis: s.basis,
      notes: s.notes,
      ...(s.onpremRatio ? { onpremRatio: toNumber(s.onpremRatio) } : {}),
    })),
    ...(r.onpremMonthly ? { onpremMonthly: toNumber(r.onpremMonthly) } : {}),
    loadProfile: r.loadProfile,
    skipped: r.skipped,
    skippedCounts: r.skippedCounts,
    unsized: r.unsized,
    sources: r.sources,
  };
}

function componentJson(c: ComponentResult): Record<string, unknown> {
  return {
    name: c.name,
    unit: c.unit,
    status: c.status,
    monthlyQuantity: c.monthlyQuantity === null ? null : toNumber(c.monthlyQuantity),
    unitPriceUsd: c.unitPriceUsd === null ? null : toNumber(dec(c.unitPriceUsd)),
    monthlyCost: c.monthlyCost === null ? null : toNumber(c.monthlyCost),
    price: c.price,
    ...(c.basis ? { basis: c.basis } : {}),
    ...(c.note ? { note: c.note } : {}),
  };
}
