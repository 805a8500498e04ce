/**
 * Scenarios side by side, each fanned out to the environments by ratio:
 * on-demand all day at peak size (the ceiling); reserved 1 yr / 3 yr for prod (non-prod on demand);
 * spot for non-prod (prod on demand); and counts following the daily load profile (on demand).
 */
import { dec, sum, ZERO, type Decimal } from '../money/index.js';
import type { Ec2Prices, InstanceTypeSpec, OfferingClass, PaymentOption, ReservedTerm } from '../catalog/types.js';
import { reservedPrice, spotPrice, type PriceLookup } from './commitment-prices.js';
import { profileInstanceHoursPerDay } from './load-profile.js';
import type { EnvRatio, LoadProfile } from './options.js';
import { reservedBasisLines, type UsedRate } from './reserved-basis.js';
import type { ScenarioName, ScenarioResult } from './result.js';

/** A type and count running for prod (an app's fleet or the cluster's node pool). */
export interface Placement {
  readonly spec: InstanceTypeSpec;
  readonly prices: Ec2Prices;
  readonly count: number;
  readonly needVcpu: number;
  readonly needMemoryGiB: number;
  readonly usdPerHourEach: Decimal;
}

export interface ScenarioOptions {
  readonly hoursPerMonth: number;
  readonly minInstances: number;
  readonly loadProfile: LoadProfile;
  readonly reserved: { readonly offeringClass: OfferingClass; readonly paymentOption: PaymentOption };
  /** USD → output currency. */
  readonly convert: (usd: Decimal) => Decimal;
  readonly onpremMonthly?: Decimal;
  /**
   * Managed services and traffic, prod, per month in the output currency: added to every scenario at its
   * on-demand list price, fanned out by the environment ratios (no reserved or spot discount, not scaled by load).
   */
  readonly fixedProdMonthly?: Decimal;
  /** Price source id → its date (the catalog's source list), to date the sources estimates draw on. */
  readonly sourceDates?: ReadonlyMap<string, string>;
}

interface Priced {
  readonly monthlyUsd: Decimal;
  readonly basis: string[];
  readonly notes: string[];
  /** The catalog bases of the prices found, per placement's family. */
  readonly used?: UsedRate[];
}

function priceWith(placements: readonly Placement[], hours: number, lookup: (p: Placement) => PriceLookup): Priced {
  const basis = new Set<string>();
  const used: UsedRate[] = [];
  const missing = new Map<string, Set<string>>();
  const monthlyUsd = sum(
    placements.map((p) => {
      const found = lookup(p);
      if ('missing' in found) {
        const types = missing.get(found.missing) ?? new Set<string>();
        missing.set(found.missing, types.add(p.spec.instanceType));
        return p.usdPerHourEach.times(p.count).times(hours);
      }
      basis.add(found.basis);
      if (found.priceBasis) used.push({ family: p.spec.family, basis: found.priceBasis });
      return found.usdPerHour.times(p.count).times(hours);
    }),
  );
  const region = placements[0]?.prices.region ?? '';
  const notes = [...missing].map(([what, types]) => `no ${what} for ${[...types].sort().join(', ')} in ${region}: priced on demand`);
  return { monthlyUsd, basis: [...basis], notes, used };
}

export function isProd(env: string): boolean {
  return env === 'prod' || env === 'production';
}

export function scenarioResults(placements: readonly Placement[], envs: readonly EnvRatio[], o: ScenarioOptions): ScenarioResult[] {
  const H = o.hoursPerMonth;
  const onDemand: Priced = {
    monthlyUsd: sum(placements.map((p) => p.usdPerHourEach.times(p.count).times(H))),
    basis: ['on-demand list prices'],
    notes: [],
  };
  const reserved = (term: ReservedTerm): Priced => {
    const priced = priceWith(placements, H, (p) => reservedPrice(p.prices, term, o.reserved.offeringClass, o.reserved.paymentOption));
    return { ...priced, basis: reservedBasisLines(`${term} ${o.reserved.offeringClass} ${o.reserved.paymentOption}`, priced.used ?? [], o.sourceDates) };
  };
  const spot = priceWith(placements, H, (p) => spotPrice(p.prices));
  const profileUsd = sum(
    placements.map((p) => {
      const perDay = profileInstanceHoursPerDay(p.needVcpu, p.needMemoryGiB, p.spec.vcpu, p.spec.memoryGiB, o.minInstances, o.loadProfile);
      return p.usdPerHourEach.times(perDay).times(H).div(24);
    }),
  );
  const profile: Priced = { monthlyUsd: profileUsd, basis: [`on-demand, counts following ${o.loadProfile.name}, never below ${o.minInstances}`], notes: [] };

  const hasProd = envs.some((e) => isProd(e.name));
  const hasNonProd = envs.some((e) => !isProd(e.name));
  const build = (name: ScenarioName, title: string, prodPrice: Priced, nonProdPrice: Priced, extraNotes: string[] = []): ScenarioResult => {
    const environments = envs.map((e) => ({
      name: e.name,
      monthlyCost: o
        .convert((isProd(e.name) ? prodPrice : nonProdPrice).monthlyUsd.times(dec(e.ratio)))
        .plus((o.fixedProdMonthly ?? ZERO).times(dec(e.ratio))),
    }));
    const total = environments.reduce((acc, e) => acc.plus(e.monthlyCost), ZERO);
    const usedProd = hasProd ? prodPrice : undefined;
    const usedNonProd = hasNonProd ? nonProdPrice : undefined;
    const split = prodPrice !== nonProdPrice && usedProd && usedNonProd;
    const label = (who: string, list: readonly string[]): string[] => (split ? list.map((b) => `${who}: ${b}`) : [...list]);
    const basis = [...new Set([...label('prod', usedProd?.basis ?? []), ...label('non-prod', usedNonProd?.basis ?? [])])];
    const notes = [...new Set([...(usedProd?.notes ?? []), ...(usedNonProd?.notes ?? []), ...extraNotes])];
    return {
      name,
      title,
      totalMonthlyCost: total,
      environments,
      basis,
      notes,
      ...(o.onpremMonthly && !o.onpremMonthly.eq(0) ? { onpremRatio: total.div(o.onpremMonthly) } : {}),
    };
  };
  const noProd = hasProd ? [] : ['no prod environment selected: same as on-demand'];
  const noNonProd = hasNonProd ? [] : ['no non-prod environment selected: same as on-demand'];
  return [
    build('on-demand', 'On-demand, all day at peak size (ceiling)', onDemand, onDemand),
    build('reserved-1yr', 'Reserved 1 yr for prod, on-demand elsewhere', reserved('1yr'), onDemand, noProd),
    build('reserved-3yr', 'Reserved 3 yr for prod, on-demand elsewhere', reserved('3yr'), onDemand, noProd),
    build('spot-non-prod', 'Spot for non-prod, on-demand prod', onDemand, spot, noNonProd),
    build('load-profile', 'On-demand, counts follow the daily load', profile, profile),
  ];
}
