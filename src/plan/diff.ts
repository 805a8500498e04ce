/**
 * Costed changes → the cost diff: per resource before / after / delta monthly with components, totals and
 * percentage, in the output currency. No-op resources count on both sides, so `after.totalMonthlyCost` is the
 * whole stack's monthly cost. Unsupported, free, usage-based, unknown and missing-price items are listed.
 */
import type { PriceBasis } from '../catalog/types.js';
import { dec, usdConverter, ZERO, type Currency, type Decimal, type FxRate } from '../money/index.js';
import type { CostedChange, SideCost } from './cost-plan.js';
import { shownAddress, type ChangeAction, type ReplaceOrder } from './plan-types.js';
import type { ComponentStatus, PricedComponent } from './pricer.js';
import type { BudgetCheck } from './budget-check.js';
import { combineBounds, isComplete, pairBound, unsupportedBound, type Bound, type Incompleteness } from './completeness.js';
import type { Finding } from './findings.js';
import type { PriceLookup } from './price-lookup.js';
import { headlineDate, UsedPrices, type PlanPriceDates } from './price-dates-used.js';

export interface ComponentDiff {
  readonly name: string;
  readonly unit: string;
  readonly status: ComponentStatus;
  readonly monthlyQuantity: Decimal | null;
  /** Unit price in the output currency, and as the USD decimal it comes from. */
  readonly unitPrice: Decimal | null;
  readonly unitPriceUsd: string | null;
  readonly beforeMonthlyCost: Decimal | null;
  readonly afterMonthlyCost: Decimal | null;
  readonly price: string;
  readonly basis?: PriceBasis;
  readonly note?: string;
}

/** What a side shows when none of its components is priced: every one usage-based, every one unknown, else no price. */
export type NothingPriced = 'usage-based' | 'unknown' | 'no price';

export interface ResourceDiff {
  readonly address: string;
  readonly type: string;
  readonly action: ChangeAction;
  readonly replaceOrder?: ReplaceOrder;
  readonly region?: string;
  readonly beforeMonthlyCost: Decimal | null;
  readonly afterMonthlyCost: Decimal | null;
  readonly deltaMonthlyCost: Decimal;
  /** Some component is unknown, usage-based without a value, or has no price: the figure is a lower bound. */
  readonly incomplete: boolean;
  /** Set on a side that has components but none priced (its figure, 0, means nothing). */
  readonly beforeNothingPriced?: NothingPriced;
  readonly afterNothingPriced?: NothingPriced;
  /** How what is not priced bounds the delta (see completeness.ts). */
  readonly deltaBound: Bound;
  readonly components: readonly ComponentDiff[];
}

export interface ListedComponent {
  readonly address: string;
  readonly component: string;
  readonly unit: string;
  readonly price: string;
  readonly reason?: string;
}

export interface CostDiff {
  readonly currency: Currency;
  readonly hoursPerMonth: number;
  /** The oldest on-demand price date used, else the oldest price date used, else the catalog's date for the regions. */
  readonly pricesAsOf: string;
  /** The dates of the prices used, per kind (price-dates-used.ts). */
  readonly priceDates: PlanPriceDates;
  readonly fx: FxRate;
  readonly regions: readonly string[];
  /** `complete`: nothing on this side is left out of the total (else the total is a lower bound). */
  readonly before: { readonly totalMonthlyCost: Decimal; readonly complete: boolean };
  readonly after: { readonly totalMonthlyCost: Decimal; readonly complete: boolean };
  /** `complete`: the delta is exact (`bound` "exact"); `bound` says which way it may be off otherwise. */
  readonly delta: { readonly totalMonthlyCost: Decimal; readonly percent: Decimal | null; readonly complete: boolean; readonly bound: Bound };
  /** What the totals leave out: the listed components, and resources of unsupported types. */
  readonly incomplete: Incompleteness;
  /** Priced resources, in plan order. */
  readonly resources: readonly ResourceDiff[];
  readonly unsupported: readonly { readonly type: string; readonly count: number; readonly addresses: readonly string[] }[];
  readonly free: readonly { readonly type: string; readonly count: number }[];
  readonly usageBased: readonly ListedComponent[];
  readonly missingPrices: readonly ListedComponent[];
  readonly unknown: readonly ListedComponent[];
  readonly findings: readonly Finding[];
  /** The stack after the change against a saved budget, when one was named. */
  readonly budget?: BudgetCheck;
}

export interface DiffOptions {
  readonly currency: Currency;
  readonly fx: FxRate;
  readonly hoursPerMonth: number;
  /** The catalog's sources and its date for regions without any dated price used. */
  readonly prices: Pick<PriceLookup, 'catalogSources' | 'catalogDate'>;
  readonly findings?: readonly Finding[];
}

const NO_COMPONENTS: readonly PricedComponent[] = [];

/**
 * Keys pairing components across sides: the name, `name#n` for its n-th repeat within one side. Computed
 * without a map: component lists are short.
 */
function keysOf(list: readonly PricedComponent[]): string[] {
  const keys: string[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const name = list[i]!.name;
    let n = 1;
    for (let j = 0; j < i; j++) if (list[j]!.name === name) n++;
    keys[i] = n === 1 ? name : `${name}#${n}`;
  }
  return keys;
}

function distinctNames(list: readonly PricedComponent[]): boolean {
  for (let i = 1; i < list.length; i++) for (let j = 0; j < i; j++) if (list[i]!.name === list[j]!.name) return false;
  return true;
}

/** Per resource: how what is not priced bounds its delta (set while its rows are built). */
interface RowState {
  bound: Bound;
}

function mergeComponents(
  before: SideCost | null,
  after: SideCost | null,
  conv: (usd: Decimal) => Decimal,
  unitPrice: (usd: string) => Decimal,
  quantity: (q: Decimal | null) => Decimal | null,
  used: UsedPrices,
  state: RowState,
): ComponentDiff[] {
  const bs = before?.components ?? NO_COMPONENTS;
  const as = after?.components ?? NO_COMPONENTS;
  const checkBounds = (before?.unpriced ?? 0) + (after?.unpriced ?? 0) > 0;
  const row = (b: PricedComponent | undefined, a: PricedComponent | undefined): ComponentDiff => {
    const main = (a ?? b)!;
    // The prices used (for the report's price dates) and the delta's bound, collected as rows are built.
    if (b !== undefined) used.add(b);
    if (a !== undefined && a !== b) used.add(a);
    if (checkBounds) state.bound = combineBounds(state.bound, pairBound(b, a));
    const row: { -readonly [K in keyof ComponentDiff]: ComponentDiff[K] } = {
      name: main.name,
      unit: main.unit,
      status: main.status,
      monthlyQuantity: quantity(main.monthlyQuantity),
      unitPrice: main.unitPriceUsd !== null ? unitPrice(main.unitPriceUsd) : null,
      unitPriceUsd: main.unitPriceUsd,
      beforeMonthlyCost: b?.monthlyCostUsd ? conv(b.monthlyCostUsd) : null,
      afterMonthlyCost: a?.monthlyCostUsd ? conv(a.monthlyCostUsd) : null,
      price: main.price,
    };
    if (main.basis) row.basis = main.basis;
    if (main.note) row.note = main.note;
    return row;
  };
  // One side only (create, delete), names distinct: each component is its own row.
  if (bs.length === 0 && distinctNames(as)) return as.map((a) => row(undefined, a));
  if (as.length === 0 && distinctNames(bs)) return bs.map((b) => row(b, undefined));
  // Same distinct names in the same order on both sides (no-op, most updates): row by row.
  if (bs.length === as.length && distinctNames(bs) && bs.every((b, i) => b.name === as[i]!.name)) return bs.map((b, i) => row(b, as[i]));
  // Components pair up by key, in the order keys first appear (before side, then after side); a key seen
  // again on the same side replaces the earlier component (as a map keyed by it would).
  const keys: string[] = [];
  const rowsB: (PricedComponent | undefined)[] = [];
  const rowsA: (PricedComponent | undefined)[] = [];
  const place = (key: string): number => {
    const i = keys.indexOf(key);
    if (i >= 0) return i;
    keys.push(key);
    rowsB.push(undefined);
    rowsA.push(undefined);
    return keys.length - 1;
  };
  const kb = keysOf(bs);
  for (let i = 0; i < bs.length; i++) rowsB[place(kb[i]!)] = bs[i];
  const ka = keysOf(as);
  for (let i = 0; i < as.length; i++) rowsA[place(ka[i]!)] = as[i];
  const out: ComponentDiff[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = row(rowsB[i], rowsA[i]);
  return out;
}

function listComponent(c: CostedChange, p: PricedComponent, usageBased: ListedComponent[], missingPrices: ListedComponent[], unknown: ListedComponent[]): void {
  if (p.status === 'priced') return;
  const item: ListedComponent = { address: shownAddress(c.change), component: p.name, unit: p.unit, price: p.price };
  if (p.status === 'usage-based') usageBased.push(item);
  else if (p.status === 'missing-price') missingPrices.push(item);
  else if (p.status === 'unknown') unknown.push({ ...item, reason: p.priceRef.kind === 'unknown' ? p.priceRef.reason : 'quantity known only after apply' });
}

/** The label of a side with components of which none is priced; undefined otherwise. */
function nothingPriced(side: SideCost | null): NothingPriced | undefined {
  if (side === null || side.unpriced === 0 || side.unpriced < side.components.length) return undefined;
  const first = side.components[0]!.status;
  if (first !== 'missing-price' && side.components.every((p) => p.status === first)) return first as 'usage-based' | 'unknown';
  return 'no price';
}

export function buildDiff(costed: readonly CostedChange[], opts: DiffOptions): CostDiff {
  const toCurrency = usdConverter(opts.currency, opts.fx);
  // Plans repeat the same amounts (instances of one type and size): each distinct amount is converted once,
  // and equal amounts share one Decimal (renderers format each once).
  const converted = new Map<string, Decimal>();
  const conv =
    opts.currency === 'USD'
      ? toCurrency
      : (usd: Decimal): Decimal => {
          const key = usd.toString();
          let v = converted.get(key);
          if (v === undefined) converted.set(key, (v = toCurrency(usd)));
          return v;
        };
  // Unit prices repeat across resources: each distinct USD price is parsed and converted once.
  const unitPrices = new Map<string, Decimal>();
  const unitPrice = (usd: string): Decimal => {
    let p = unitPrices.get(usd);
    if (p === undefined) unitPrices.set(usd, (p = toCurrency(dec(usd))));
    return p;
  };
  // Equal quantities share one Decimal too (renderers format each once).
  const quantities = new Map<string, Decimal>();
  const quantity = (q: Decimal | null): Decimal | null => {
    if (q === null) return null;
    const key = q.toString();
    const shared = quantities.get(key);
    if (shared !== undefined) return shared;
    quantities.set(key, q);
    return q;
  };
  const resources: ResourceDiff[] = [];
  const unsupported = new Map<string, string[]>();
  const free = new Map<string, number>();
  const usageBased: ListedComponent[] = [];
  const missingPrices: ListedComponent[] = [];
  const unknown: ListedComponent[] = [];
  const regions = new Set<string>();
  const used = new UsedPrices();
  let beforeTotal = ZERO;
  let afterTotal = ZERO;
  let bound: Bound = 'exact';
  let beforeComplete = true;
  let afterComplete = true;
  let unsupportedResources = 0;
  const state: RowState = { bound: 'exact' };
  for (let i = 0; i < costed.length; i++) {
    const c = costed[i]!;
    if (c.kind === 'unsupported') {
      const list = unsupported.get(c.change.type);
      if (list) list.push(shownAddress(c.change));
      else unsupported.set(c.change.type, [shownAddress(c.change)]);
      unsupportedResources++;
      const hasBefore = c.change.before !== null;
      const hasAfter = c.change.after !== null;
      if (hasBefore) beforeComplete = false;
      if (hasAfter) afterComplete = false;
      bound = combineBounds(bound, unsupportedBound(c.change.action, hasBefore, hasAfter));
      continue;
    }
    if (c.kind === 'free') {
      free.set(c.change.type, (free.get(c.change.type) ?? 0) + 1);
      continue;
    }
    if (c.region) regions.add(c.region);
    const before = c.before ? conv(c.before.monthlyCostUsd) : null;
    const after = c.after ? conv(c.after.monthlyCostUsd) : null;
    const listedSide = c.after ?? c.before;
    if (listedSide !== null && listedSide.unpriced > 0) {
      const listed = listedSide.components;
      for (let j = 0; j < listed.length; j++) listComponent(c, listed[j]!, usageBased, missingPrices, unknown);
    }
    if (before) beforeTotal = beforeTotal.plus(before);
    if (after) afterTotal = afterTotal.plus(after);
    const bUnpriced = c.before !== null && c.before.unpriced > 0;
    const aUnpriced = c.after !== null && c.after.unpriced > 0;
    if (bUnpriced) beforeComplete = false;
    if (aUnpriced) afterComplete = false;
    state.bound = 'exact';
    const components = mergeComponents(c.before, c.after, conv, unitPrice, quantity, used, state);
    bound = combineBounds(bound, state.bound);
    const resource: { -readonly [K in keyof ResourceDiff]: ResourceDiff[K] } = {
      address: shownAddress(c.change),
      type: c.change.type,
      action: c.change.action,
      ...(c.change.replaceOrder ? { replaceOrder: c.change.replaceOrder } : {}),
      ...(c.region ? { region: c.region } : {}),
      beforeMonthlyCost: before,
      afterMonthlyCost: after,
      // A created resource's delta is its after figure (the same value; x − 0 would only copy it).
      deltaMonthlyCost: before === null ? (after ?? ZERO) : (after ?? ZERO).minus(before),
      incomplete: bUnpriced || aUnpriced,
      deltaBound: state.bound,
      components,
    };
    if (bUnpriced || aUnpriced) {
      const nb = nothingPriced(c.before);
      const na = nothingPriced(c.after);
      if (nb) resource.beforeNothingPriced = nb;
      if (na) resource.afterNothingPriced = na;
    }
    resources.push(resource);
  }
  const delta = afterTotal.minus(beforeTotal);
  const sortedRegions = [...regions].sort();
  const priceDates = used.build(opts.prices.catalogSources);
  const incomplete: Incompleteness = { missingPrice: missingPrices.length, unknown: unknown.length, usageBased: usageBased.length, unsupportedResources };
  return {
    currency: opts.currency,
    hoursPerMonth: opts.hoursPerMonth,
    pricesAsOf: headlineDate(priceDates, () => opts.prices.catalogDate(sortedRegions)),
    priceDates,
    fx: opts.fx,
    regions: sortedRegions,
    before: { totalMonthlyCost: beforeTotal, complete: beforeComplete },
    after: { totalMonthlyCost: afterTotal, complete: afterComplete },
    delta: { totalMonthlyCost: delta, percent: beforeTotal.eq(0) ? null : delta.div(beforeTotal).times(100), complete: bound === 'exact', bound },
    incomplete,
    resources,
    unsupported: [...unsupported.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, addresses]) => ({ type, count: addresses.length, addresses })),
    free: [...free.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, count]) => ({ type, count })),
    usageBased,
    missingPrices,
    unknown,
    findings: opts.findings ?? [],
  };
}

/** `nuage breakdown`: the after side alone (every resource as it will run). */
export function afterSideOnly(costed: readonly CostedChange[]): CostedChange[] {
  return costed
    .filter((c) => c.kind !== 'priced' || c.after !== null)
    .filter((c) => c.change.action !== 'delete')
    .map((c) => ({ ...c, change: { ...c.change, action: 'create' as const, before: null }, before: null }));
}
