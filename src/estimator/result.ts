/** The estimate as a value: every cost in the output currency, exact (Decimal); rendering rounds. */
import type { Currency, Decimal, FxRate } from '../money/index.js';
import type { ComponentStatus } from '../plan/pricer.js';
import type { PriceBasis } from '../catalog/types.js';
import type { ServiceKind } from './services/spec.js';
import type { InventorySource, SkippedRow, SkipReason } from './inventory/types.js';
import type { EnvRatio, LoadProfile, Strategy } from './options.js';
import type { EstimatePriceDates } from './price-dates-used.js';

export interface AppResult {
  readonly app: string;
  readonly vmCount: number;
  readonly peakCpuGhz: number;
  /** CPU demand given as vCPU-equivalents (inputs without a clock). */
  readonly peakCpuVcpu: number;
  readonly peakMemoryGiB: number;
  /** vCPU and GiB sized for (after headroom, on the chosen type's clock). */
  readonly needVcpu: number;
  readonly needMemoryGiB: number;
  /** null when no type could be chosen (see reason). */
  readonly instanceType: string | null;
  /** Instances; with the cluster strategy, the app's share of the pool in node-equivalents. */
  readonly instanceCount: number;
  /** Cluster strategy: the app's share of the pool, percent. */
  readonly sharePercent?: number;
  /** On-demand USD/h of one instance, as published. */
  readonly usdPerHourEach: string | null;
  /** On-demand, prod, output currency. */
  readonly hourlyCost: Decimal;
  readonly monthlyCost: Decimal;
  readonly reason: string;
  readonly cpuBases: readonly string[];
}

export interface PoolResult {
  readonly instanceType: string;
  readonly instanceCount: number;
  readonly usdPerHourEach: string;
  readonly hourlyCost: Decimal;
  readonly monthlyCost: Decimal;
  readonly reason: string;
}

export interface EnvironmentCost {
  readonly name: string;
  readonly ratio: string;
  /** Compute + managed services + traffic, on-demand. */
  readonly monthlyCost: Decimal;
  readonly computeMonthlyCost: Decimal;
  readonly servicesMonthlyCost: Decimal;
  readonly trafficMonthlyCost: Decimal;
}

/** One priced cost component of a service or of an app's traffic (prod, per month). */
export interface ComponentResult {
  readonly name: string;
  readonly unit: string;
  readonly status: ComponentStatus;
  readonly monthlyQuantity: Decimal | null;
  readonly unitPriceUsd: string | null;
  /** Output currency; null unless priced. */
  readonly monthlyCost: Decimal | null;
  /** The price reference, e.g. "service(eu-west-3, rds:db.m5.large:mysql:multi-az)". */
  readonly price: string;
  readonly basis?: PriceBasis;
  readonly note?: string;
}

/** A managed service row, priced for prod (environments take their ratio of it). */
export interface ServiceResult {
  readonly app: string;
  readonly name?: string;
  readonly kind: ServiceKind;
  /** The spec in canonical form, defaults written out. */
  readonly spec: string;
  /** The spec as written in the inventory. */
  readonly specText: string;
  readonly file: string;
  readonly row: number;
  /** Prod, on-demand, output currency; priced components only. */
  readonly monthlyCost: Decimal;
  readonly components: readonly ComponentResult[];
  /** False when a component has no quantity or no price: monthlyCost is then a lower bound. */
  readonly complete: boolean;
}

/** An application's monthly traffic, priced for prod. */
export interface TrafficResult {
  readonly app: string;
  readonly internetEgressGb: number;
  readonly interAzGb: number;
  readonly monthlyCost: Decimal;
  readonly components: readonly ComponentResult[];
  readonly complete: boolean;
}

/** A service or traffic component without a quantity or a price: listed, never counted as zero. */
export interface NotPriced {
  readonly app: string;
  /** The service ("rds catalog-db") or "traffic". */
  readonly item: string;
  readonly component: string;
  readonly unit: string;
  readonly status: Exclude<ComponentStatus, 'priced'>;
  readonly price: string;
}

export type ScenarioName = 'on-demand' | 'reserved-1yr' | 'reserved-3yr' | 'spot-non-prod' | 'load-profile';

export interface ScenarioResult {
  readonly name: ScenarioName;
  readonly title: string;
  readonly totalMonthlyCost: Decimal;
  readonly environments: readonly { readonly name: string; readonly monthlyCost: Decimal }[];
  /** How the prices were known (exact / estimate, source, date). */
  readonly basis: readonly string[];
  /** Fallbacks and caveats (missing prices priced on demand, …). */
  readonly notes: readonly string[];
  /** totalMonthlyCost ÷ on-prem monthly, when --onprem-monthly is given. */
  readonly onpremRatio?: Decimal;
}

export interface EstimateResult {
  readonly currency: Currency;
  readonly region: string;
  readonly hoursPerMonth: number;
  readonly fx: FxRate;
  /** The oldest date of the on-demand prices used (see price-dates-used.ts); the detail is in priceDates. */
  readonly pricesAsOf: string;
  /** The dates of the prices this estimate used, per kind. */
  readonly priceDates: EstimatePriceDates;
  readonly headroomPct: number;
  readonly minInstances: number;
  readonly strategy: Strategy;
  readonly typeSelection: string;
  readonly groupBy: string;
  readonly apps: readonly AppResult[];
  readonly pool?: PoolResult;
  readonly environments: readonly EnvironmentCost[];
  readonly environmentRatios: readonly EnvRatio[];
  /** Managed services (rows of kind service), prod. */
  readonly services: readonly ServiceResult[];
  /** Traffic per app, prod (apps with traffic figures only). */
  readonly traffic: readonly TrafficResult[];
  readonly notPriced: readonly NotPriced[];
  /** Prod, on-demand, output currency. */
  readonly computeMonthlyCost: Decimal;
  readonly servicesMonthlyCost: Decimal;
  readonly trafficMonthlyCost: Decimal;
  readonly totalMonthlyCost: Decimal;
  readonly totalYearlyCost: Decimal;
  readonly scenarios: readonly ScenarioResult[];
  readonly loadProfile: LoadProfile;
  readonly onpremMonthly?: Decimal;
  readonly skipped: readonly SkippedRow[];
  readonly skippedCounts: Readonly<Partial<Record<SkipReason, number>>>;
  /** Said prominently by every renderer, e.g. invalid rows left out with skipInvalid. */
  readonly warnings: readonly string[];
  readonly sources: readonly InventorySource[];
  /** Apps that could not be sized (also listed in apps with instanceType null). */
  readonly unsized: readonly { readonly app: string; readonly reason: string }[];
}
