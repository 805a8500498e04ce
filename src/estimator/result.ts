/** The estimate as a value: every cost in the output currency, exact (Decimal); rendering rounds. */
import type { Currency, Decimal, FxRate } from '../money/index.js';
import type { InventorySource, SkippedRow, SkipReason } from './inventory/types.js';
import type { EnvRatio, LoadProfile, Strategy } from './options.js';

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
  readonly monthlyCost: Decimal;
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
  readonly pricesAsOf: string;
  readonly headroomPct: number;
  readonly minInstances: number;
  readonly strategy: Strategy;
  readonly typeSelection: string;
  readonly groupBy: string;
  readonly apps: readonly AppResult[];
  readonly pool?: PoolResult;
  readonly environments: readonly EnvironmentCost[];
  readonly environmentRatios: readonly EnvRatio[];
  readonly totalMonthlyCost: Decimal;
  readonly totalYearlyCost: Decimal;
  readonly scenarios: readonly ScenarioResult[];
  readonly loadProfile: LoadProfile;
  readonly onpremMonthly?: Decimal;
  readonly skipped: readonly SkippedRow[];
  readonly skippedCounts: Readonly<Partial<Record<SkipReason, number>>>;
  readonly sources: readonly InventorySource[];
  /** Apps that could not be sized (also listed in apps with instanceType null). */
  readonly unsized: readonly { readonly app: string; readonly reason: string }[];
}
