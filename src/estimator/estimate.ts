/**
 * The estimator: inventory → prod demand per app → instance type and count (cheapest fit, pinned family
 * or one cluster pool) → on-demand cost per app and environment → scenarios. Pure: the catalog, FX rate
 * and every option come in as values.
 */
import { InputError } from '../errors.js';
import { dec, fromUsd, ZERO, type Decimal } from '../money/index.js';
import type { Catalog } from '../catalog/types.js';
import { selectCandidates } from './candidates.js';
import { sizeCluster } from './cluster.js';
import { nonProdOnlyWarnings, oversizedVmWarnings } from './coverage-warnings.js';
import { groupDemand, type AppDemand } from './demand.js';
import { appOf, describeGroupBy } from './grouping.js';
import type { Inventory, SkippedRow, SkipReason } from './inventory/types.js';
import { validateOptions, type EstimateOptions } from './options.js';
import { checkInvalidRows, invalidRows } from './invalid-rows.js';
import { listedRows, rowConvention } from './inventory/row-text.js';
import { pickInstance } from './pick-instance.js';
import { headlineDate, usedPriceDates } from './price-dates-used.js';
import type { AppResult, EstimateResult, PoolResult } from './result.js';
import { isProd, scenarioResults, type Placement } from './scenarios.js';
import { priceServiceLines } from './services/service-results.js';

function countSkipped(skipped: readonly SkippedRow[]): Partial<Record<SkipReason, number>> {
  const counts: Partial<Record<SkipReason, number>> = {};
  for (const s of skipped) counts[s.reason] = (counts[s.reason] ?? 0) + 1;
  return counts;
}

/** Said at the top of every output: invalid rows left out (only with skipInvalid). */
function skipWarnings(skipped: readonly SkippedRow[]): string[] {
  const n = invalidRows(skipped).length;
  if (n === 0) return [];
  return [`${n} invalid row${n === 1 ? ' was' : 's were'} left out (--skip-invalid): this estimate does not count ${n === 1 ? 'it' : 'them'}; see the skipped rows`];
}

function baseApp(d: AppDemand): Omit<AppResult, 'instanceType' | 'instanceCount' | 'usdPerHourEach' | 'hourlyCost' | 'monthlyCost' | 'reason' | 'needVcpu'> {
  return {
    app: d.app,
    vmCount: d.vmCount,
    peakCpuGhz: d.peakCpuGhz,
    peakCpuVcpu: d.peakCpuVcpu,
    peakMemoryGiB: d.peakMemoryGiB,
    needMemoryGiB: d.needMemoryGiB,
    cpuBases: d.cpuBases,
  };
}

export function estimate(inventory: Inventory, catalog: Catalog, o: EstimateOptions): EstimateResult {
  validateOptions(o);
  checkInvalidRows(inventory, o.skipInvalid);
  const skipped: SkippedRow[] = [...inventory.skipped];
  const prodRecords = inventory.records.filter((r) => {
    if (isProd(r.env)) return true;
    skipped.push({
      file: r.ref.file,
      row: r.ref.row,
      field: 'env',
      vm: r.vm,
      reason: 'non-prod',
      detail: `environment "${r.env}": non-prod environments are priced as a ratio of prod (--env)`,
    });
    return false;
  });
  const prodServices = (inventory.services ?? []).filter((r) => {
    if (isProd(r.env)) return true;
    skipped.push({
      file: r.ref.file,
      row: r.ref.row,
      field: 'env',
      vm: r.name ?? r.app,
      reason: 'non-prod',
      detail: `environment "${r.env}": non-prod environments are priced as a ratio of prod (--env)`,
    });
    return false;
  });
  if (prodRecords.length === 0 && prodServices.length === 0) {
    const file = inventory.sources.map((s) => s.file).join(', ') || 'inventory';
    const why = Object.entries(countSkipped(skipped)).map(([k, n]) => `${n} ${k}`).join(', ');
    const problem = `nothing to estimate: no prod VM or service left after reading ${inventory.sources.reduce((a, s) => a + s.rows, 0)} rows${why ? ` (skipped: ${why})` : ''}`;
    const bad = invalidRows(skipped);
    const err = new InputError({ file }, problem);
    if (bad.length > 0) err.message = [`${err.message}; invalid rows (${rowConvention(inventory.sources, bad)}):`, ...listedRows(bad)].join('\n');
    throw err;
  }
  const appOfRecord = appOf(o.groupBy);
  const demands = groupDemand(prodRecords, appOfRecord, o.headroomPct);
  const set = selectCandidates(catalog, o.region, o.types);
  const convert = (usd: Decimal): Decimal => fromUsd(usd, o.currency, o.fx);
  const H = o.hoursPerMonth;
  const apps: AppResult[] = [];
  const placements: Placement[] = [];
  const unsized: { app: string; reason: string }[] = [];
  let pool: PoolResult | undefined;
  const unsizedApp = (d: AppDemand, reason: string): AppResult => {
    unsized.push({ app: d.app, reason });
    return { ...baseApp(d), needVcpu: 0, instanceType: null, instanceCount: 0, usdPerHourEach: null, hourlyCost: ZERO, monthlyCost: ZERO, reason: `not sized: ${reason}` };
  };

  if (o.strategy === 'cluster') {
    const sized = sizeCluster(demands, set, o.minInstances);
    if ('unsized' in sized) demands.forEach((d) => apps.push(unsizedApp(d, sized.unsized)));
    else {
      const p = sized.pool;
      const hourly = convert(p.hourlyUsd);
      pool = { instanceType: p.instanceType, instanceCount: p.count, usdPerHourEach: p.candidate.usdPerHour, hourlyCost: hourly, monthlyCost: hourly.times(H), reason: p.reason };
      placements.push({ spec: p.candidate.spec, prices: p.candidate.prices, count: p.count, needVcpu: p.vcpuNeed, needMemoryGiB: p.memoryNeedGiB, usdPerHourEach: dec(p.candidate.usdPerHour) });
      demands.forEach((d, i) => {
        const s = sized.shares[i] ?? { share: 0, needVcpu: 0 };
        const appHourly = hourly.times(s.share);
        apps.push({
          ...baseApp(d),
          needVcpu: s.needVcpu,
          instanceType: p.instanceType,
          instanceCount: s.share * p.count,
          sharePercent: s.share * 100,
          usdPerHourEach: p.candidate.usdPerHour,
          hourlyCost: appHourly,
          monthlyCost: appHourly.times(H),
          reason: `${(s.share * 100).toFixed(1)} % of the ${p.count} × ${p.instanceType} pool (larger of its CPU and RAM shares)`,
        });
      });
    }
  } else {
    for (const d of demands) {
      const s = pickInstance(d, set, o.minInstances);
      if ('unsized' in s) {
        apps.push(unsizedApp(d, s.unsized));
        continue;
      }
      const hourly = convert(s.hourlyUsd);
      apps.push({
        ...baseApp(d),
        needVcpu: s.vcpuNeed,
        instanceType: s.instanceType,
        instanceCount: s.count,
        usdPerHourEach: s.candidate.usdPerHour,
        hourlyCost: hourly,
        monthlyCost: hourly.times(H),
        reason: s.reason,
      });
      placements.push({ spec: s.candidate.spec, prices: s.candidate.prices, count: s.count, needVcpu: s.vcpuNeed, needMemoryGiB: s.memoryNeedGiB, usdPerHourEach: dec(s.candidate.usdPerHour) });
    }
  }

  const lines = priceServiceLines(prodRecords, prodServices, appOfRecord, catalog, { region: o.region, hoursPerMonth: H, convert });
  const fixed = lines.servicesMonthlyCost.plus(lines.trafficMonthlyCost);
  const onpremMonthly = o.onpremMonthly !== undefined ? dec(o.onpremMonthly) : undefined;
  const sources = catalog.info().sources;
  const scenarios = scenarioResults(placements, o.environments, {
    sourceDates: new Map(sources.map((s) => [s.id, s.asOf] as const)),
    fixedProdMonthly: fixed,
    hoursPerMonth: H,
    minInstances: o.minInstances,
    loadProfile: o.loadProfile,
    reserved: o.reserved,
    convert,
    ...(onpremMonthly ? { onpremMonthly } : {}),
  });
  const onDemand = scenarios[0]!;
  const environments = o.environments.map((e, i) => {
    const monthlyCost = onDemand.environments[i]!.monthlyCost;
    const servicesMonthlyCost = lines.servicesMonthlyCost.times(dec(e.ratio));
    const trafficMonthlyCost = lines.trafficMonthlyCost.times(dec(e.ratio));
    return { name: e.name, ratio: e.ratio, monthlyCost, computeMonthlyCost: monthlyCost.minus(servicesMonthlyCost).minus(trafficMonthlyCost), servicesMonthlyCost, trafficMonthlyCost };
  });
  const priceDates = usedPriceDates({
    placements,
    environments: o.environments,
    reserved: o.reserved,
    components: [...lines.services, ...lines.traffic].flatMap((x) => x.components),
    catalogSources: sources,
  });
  return {
    currency: o.currency,
    region: o.region,
    hoursPerMonth: H,
    fx: o.fx,
    pricesAsOf: headlineDate(priceDates, () => catalog.priceDates(o.region).onDemand.newest ?? catalog.info().pricesAsOf),
    priceDates,
    headroomPct: o.headroomPct,
    minInstances: o.minInstances,
    strategy: o.strategy,
    typeSelection: set.description,
    groupBy: describeGroupBy(o.groupBy),
    apps,
    ...(pool ? { pool } : {}),
    environments,
    environmentRatios: o.environments,
    services: lines.services,
    traffic: lines.traffic,
    notPriced: lines.notPriced,
    computeMonthlyCost: apps.reduce((t, a) => t.plus(a.monthlyCost), ZERO),
    servicesMonthlyCost: lines.servicesMonthlyCost,
    trafficMonthlyCost: lines.trafficMonthlyCost,
    totalMonthlyCost: onDemand.totalMonthlyCost,
    totalYearlyCost: onDemand.totalMonthlyCost.times(12),
    scenarios,
    loadProfile: o.loadProfile,
    ...(onpremMonthly ? { onpremMonthly } : {}),
    skipped,
    skippedCounts: countSkipped(skipped),
    warnings: [
      ...skipWarnings(skipped),
      ...nonProdOnlyWarnings(inventory.records, inventory.services ?? [], isProd, appOfRecord),
      ...oversizedVmWarnings(prodRecords, set, o.headroomPct, appOfRecord),
    ],
    sources: inventory.sources,
    unsized,
  };
}
