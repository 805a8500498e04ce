/**
 * Estimate options: defaults, and the pure parsers/validators the CLI and API share
 * (environment ratios, --env-only, group-by, load profiles). Invalid values are UsageErrors.
 */
import { UsageError } from '../errors.js';
import { dec, type Currency, type FxRate } from '../money/index.js';
import type { OfferingClass, PaymentOption } from '../catalog/types.js';
import type { GroupBy } from './grouping.js';

export type Strategy = 'cheapest-fit' | 'family' | 'cluster';
export const STRATEGIES: readonly Strategy[] = ['cheapest-fit', 'family', 'cluster'];
export type ArchChoice = 'x86_64' | 'arm64' | 'any';
export const ARCH_CHOICES: readonly ArchChoice[] = ['x86_64', 'arm64', 'any'];

export interface EnvRatio {
  readonly name: string;
  /** Share of prod, decimal string ("0.4"). */
  readonly ratio: string;
}

/** The book's ratios: staging 40 %, dev 20 %, sandbox 10 % of prod. */
export const DEFAULT_ENV_RATIOS: readonly EnvRatio[] = [
  { name: 'prod', ratio: '1' },
  { name: 'staging', ratio: '0.4' },
  { name: 'dev', ratio: '0.2' },
  { name: 'sandbox', ratio: '0.1' },
];

export interface TypeFilter {
  /** Pinned family ("m5"): only its sizes. */
  readonly family?: string;
  /** Allowed families; empty = all. */
  readonly families?: readonly string[];
  readonly arch: ArchChoice;
  readonly allowBurstable: boolean;
  readonly allowMetal: boolean;
  readonly allowGpu: boolean;
  readonly allowPreviousGeneration: boolean;
}

export interface EstimateOptions {
  readonly region: string;
  readonly hoursPerMonth: number;
  readonly currency: Currency;
  readonly fx: FxRate;
  /** Environments to report, in order, with their ratio to prod. */
  readonly environments: readonly EnvRatio[];
  readonly headroomPct: number;
  readonly minInstances: number;
  readonly strategy: Strategy;
  readonly types: TypeFilter;
  readonly groupBy: GroupBy;
  readonly loadProfile: LoadProfile;
  /** Reserved-instance offer the reserved scenarios use. */
  readonly reserved: { readonly offeringClass: OfferingClass; readonly paymentOption: PaymentOption };
  /** On-prem monthly cost in the output currency, for the cloud/on-prem ratio. */
  readonly onpremMonthly?: string;
  /**
   * Estimate the valid rows and list the invalid ones (true), instead of failing on them (false, the
   * default: a budget that leaves rows out is under-counted).
   */
  readonly skipInvalid: boolean;
}

export interface LoadProfile {
  readonly name: string;
  /** 24 factors (hour 0..23, local time), each in [0, 1] of the peak. */
  readonly factors: readonly number[];
}

export const DEFAULT_TYPE_FILTER: TypeFilter = {
  arch: 'x86_64',
  allowBurstable: false,
  allowMetal: false,
  allowGpu: false,
  allowPreviousGeneration: false,
};

/** "staging=0.5,dev=0.2" merged over `base` (new names are appended). */
export function parseEnvRatios(spec: string, base: readonly EnvRatio[] = DEFAULT_ENV_RATIOS): EnvRatio[] {
  const out: { name: string; ratio: string }[] = base.map((e) => ({ ...e }));
  const given = new Map<string, string>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z][\w-]*)\s*=\s*(.+)$/.exec(part);
    if (!m || !m[1] || !m[2]) throw new UsageError(`--env: expected name=ratio pairs like "staging=0.5,dev=0.2", got "${part}"`);
    const name = m[1].toLowerCase();
    let r;
    try {
      r = dec(m[2]);
    } catch {
      throw new UsageError(`--env ${name}: ratio must be a number, got "${m[2]}"`);
    }
    if (r.lt(0)) throw new UsageError(`--env ${name}: ratio must not be negative`);
    if (given.has(name)) throw new UsageError(`--env: ${name} is given twice ("${given.get(name)}" and "${part}"); give each environment once`);
    given.set(name, part);
    if (name === 'prod' && !r.eq(1)) throw new UsageError(`--env prod=${m[2]}: prod is the reference (ratio 1); the other environments are ratios of it`);
    if (r.gt(1)) throw new UsageError(`--env ${name}=${m[2]}: a ratio is a fraction of prod between 0 and 1 (0.4 = 40 %)`);
    const existing = out.find((e) => e.name === name);
    if (existing) existing.ratio = r.toString();
    else out.push({ name, ratio: r.toString() });
  }
  return out;
}

/** Keeps only the named environments (in the given order); unknown names are an error. */
export function selectEnvironments(all: readonly EnvRatio[], only: string): EnvRatio[] {
  const names = only.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--env-only: give at least one environment name');
  return names.map((n) => {
    const e = all.find((x) => x.name === n);
    if (!e) throw new UsageError(`--env-only: unknown environment "${n}"; known: ${all.map((x) => x.name).join(', ')}`);
    return e;
  });
}

export function validateOptions(o: EstimateOptions): void {
  if (!Number.isFinite(o.hoursPerMonth) || o.hoursPerMonth <= 0 || o.hoursPerMonth > 744) {
    throw new UsageError(`--hours-per-month must be between 1 and 744, got ${o.hoursPerMonth}`);
  }
  if (!Number.isFinite(o.headroomPct) || o.headroomPct < 0 || o.headroomPct > 1000) throw new UsageError(`--headroom must be a percentage ≥ 0, got ${o.headroomPct}`);
  if (!Number.isInteger(o.minInstances) || o.minInstances < 1) throw new UsageError(`--min-instances must be a whole number ≥ 1, got ${o.minInstances}`);
  if (o.strategy === 'family' && !o.types.family) throw new UsageError('strategy "family" needs --family <name>, e.g. --family m5');
  if (o.loadProfile.factors.length !== 24) throw new UsageError(`load profile "${o.loadProfile.name}" must have 24 hourly factors`);
}

export const DEFAULT_REGION = 'eu-west-3';
export const DEFAULT_HOURS_PER_MONTH = 730;

/** Options with every default filled in (the FX rate is always given: it is data, dated). */
export function estimateOptions(o: Partial<EstimateOptions> & { readonly fx: FxRate }, defaultProfile: LoadProfile): EstimateOptions {
  return {
    region: o.region ?? DEFAULT_REGION,
    hoursPerMonth: o.hoursPerMonth ?? DEFAULT_HOURS_PER_MONTH,
    currency: o.currency ?? 'EUR',
    fx: o.fx,
    environments: o.environments ?? DEFAULT_ENV_RATIOS,
    headroomPct: o.headroomPct ?? 0,
    minInstances: o.minInstances ?? 1,
    strategy: o.strategy ?? (o.types?.family ? 'family' : 'cheapest-fit'),
    types: o.types ?? DEFAULT_TYPE_FILTER,
    groupBy: o.groupBy ?? { kind: 'auto' },
    loadProfile: o.loadProfile ?? defaultProfile,
    reserved: o.reserved ?? { offeringClass: 'standard', paymentOption: 'no-upfront' },
    ...(o.onpremMonthly !== undefined ? { onpremMonthly: o.onpremMonthly } : {}),
    skipInvalid: o.skipInvalid ?? false,
  };
}
