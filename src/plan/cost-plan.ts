/**
 * Prices both sides of every resource change of a plan: the resource's model declares components from the
 * side's values, the pricer fills prices. Resources without a model are free (listed) or unsupported (listed).
 */
import { ZERO, type Decimal } from '../money/index.js';
import { isKnown, type Attrs } from './attrs.js';
import { configAddressOf } from './config-index.js';
import { RegionUnknownError } from './errors.js';
import { providerShortName, type Plan, type ResourceChange } from './plan-types.js';
import { priceComponent, type PricedComponent, type PricingOptions } from './pricer.js';
import type { PriceLookup } from './price-lookup.js';
import type { ResourceContext, ResourceModel } from './resource-model.js';
import { FREE_PROVIDERS, FREE_TYPES, resourceModel } from './resources/index.js';
import { EMPTY_USAGE, usageValue, type UsageFile } from './usage.js';

export type ResourceKind = 'priced' | 'free' | 'unsupported';

export interface SideCost {
  readonly monthlyCostUsd: Decimal;
  readonly components: readonly PricedComponent[];
  /** How many components are not priced (missing price, unknown, usage-based without a value). */
  readonly unpriced: number;
}

export interface CostedChange {
  readonly change: ResourceChange;
  readonly kind: ResourceKind;
  readonly region?: string;
  readonly before: SideCost | null;
  readonly after: SideCost | null;
}

export interface CostOptions {
  readonly hoursPerMonth: number;
  /** Region for resources whose plan does not tell (`--region`). */
  readonly defaultRegion?: string;
  readonly usage?: UsageFile;
  readonly prices: PriceLookup;
}

const AZ_RE = /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)[a-z]$/;

/** Region of one side: the resource's `region`, its availability zone, its provider configuration, the default. */
export function regionOf(change: ResourceChange, attrs: Attrs | null, defaultRegion?: string): string | undefined {
  const r = attrs?.str('region');
  if (isKnown(r) && r !== '') return r;
  const az = attrs?.str('availability_zone');
  const m = isKnown(az) ? AZ_RE.exec(az) : null;
  if (m) return m[1];
  return change.region ?? defaultRegion;
}

type Side = 'before' | 'after';

function relatedResolver(plan: Plan): (from: ResourceChange, side: Side, path: readonly (string | number)[], types: readonly string[]) => { address: string; attrs: Attrs } | undefined {
  // Built on first use: most plans have no resource that refers to another.
  let byConfig: Map<string, ResourceChange[]> | undefined;
  let byType: Map<string, ResourceChange[]> | undefined;
  const index = (): { byConfig: Map<string, ResourceChange[]>; byType: Map<string, ResourceChange[]> } => {
    if (!byConfig || !byType) {
      byConfig = new Map();
      byType = new Map();
      for (let i = 0; i < plan.changes.length; i++) {
        const c = plan.changes[i]!;
        const key = configAddressOf(c.address);
        const list = byConfig.get(key);
        if (list) list.push(c);
        else byConfig.set(key, [c]);
        const tlist = byType.get(c.type);
        if (tlist) tlist.push(c);
        else byType.set(c.type, [c]);
      }
    }
    return { byConfig, byType };
  };
  const sideOf = (c: ResourceChange, side: Side): Attrs | null => (side === 'after' ? c.after : c.before) ?? c.after ?? c.before;
  const expressionAt = (expr: unknown, path: readonly (string | number)[]): unknown => {
    let cur = expr;
    for (const k of path) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string | number, unknown>)[k];
    }
    return cur;
  };
  return (from, side, path, types) => {
    // 1. The configuration reference (`aws_launch_template.foo.id`), resolved within the same module.
    const expr = expressionAt(from.expressions, path) as { references?: unknown } | undefined;
    const refs = Array.isArray(expr?.references) ? (expr.references as unknown[]) : [];
    const modulePrefix = configAddressOf(from.moduleAddress);
    for (const ref of refs) {
      if (typeof ref !== 'string') continue;
      const [type, name] = ref.split('.');
      if (!type || !name || !types.includes(type)) continue;
      const candidates = index().byConfig.get(modulePrefix ? `${modulePrefix}.${type}.${name}` : `${type}.${name}`);
      if (!candidates || candidates.length === 0) continue;
      const sameIndex = candidates.find((c) => c.index !== undefined && c.index === from.index) ?? candidates[0]!;
      const attrs = sideOf(sameIndex, side);
      if (attrs) return { address: sameIndex.address, attrs };
    }
    // 2. A literal id or name matching a resource of the plan.
    let value: Attrs | null = sideOf(from, side);
    for (const k of path.slice(0, -1)) value = value ? value.at(k) : null;
    const literal = value?.str(path[path.length - 1]!);
    if (isKnown(literal) && literal !== '') {
      for (const t of types) {
        for (const c of index().byType.get(t) ?? []) {
          const attrs = sideOf(c, side);
          if (attrs && (attrs.str('id') === literal || attrs.str('name') === literal)) return { address: c.address, attrs };
        }
      }
    }
    return undefined;
  };
}

type RelatedResolver = ReturnType<typeof relatedResolver>;

/** What a resource model sees of one side (methods on the prototype: no closures per resource). */
class SideContext implements ResourceContext {
  readonly address: string;
  readonly type: string;
  constructor(
    private readonly change: ResourceChange,
    private readonly side: Side,
    readonly region: string,
    readonly attrs: Attrs,
    private readonly model: ResourceModel,
    private readonly resolve: RelatedResolver,
  ) {
    this.address = change.address;
    this.type = change.type;
  }

  related(path: readonly (string | number)[], types: readonly string[]): { address: string; attrs: Attrs } | undefined {
    // Plans read for costing keep only the values of priced and declared related types (valuesNeeded).
    for (const t of types) if (!this.model.relatedTypes?.includes(t)) throw new Error(`${this.type} reads ${t} through ctx.related without declaring it in relatedTypes`);
    return this.resolve(this.change, this.side, path, types);
  }

  configured(attribute: string): boolean {
    const e = this.change.expressions;
    return e !== null && typeof e === 'object' && attribute in (e as Record<string, unknown>);
  }
}

/** One side of a priced resource: its model's components, priced and summed. */
function costSide(change: ResourceChange, side: Side, region: string, attrs: Attrs, model: ResourceModel, resolve: RelatedResolver, prices: PriceLookup, pricing: PricingOptions): SideCost {
  const specs = model.components(new SideContext(change, side, region, attrs, model, resolve));
  const components: PricedComponent[] = new Array(specs.length);
  let monthlyCostUsd = ZERO;
  let unpriced = 0;
  for (let j = 0; j < specs.length; j++) {
    const priced = priceComponent(specs[j]!, prices, pricing);
    components[j] = priced;
    if (priced.monthlyCostUsd !== null) monthlyCostUsd = monthlyCostUsd.plus(priced.monthlyCostUsd);
    if (priced.status !== 'priced') unpriced++;
  }
  return { monthlyCostUsd, components, unpriced };
}

export function costPlan(plan: Plan, opts: CostOptions): CostedChange[] {
  const related = relatedResolver(plan);
  const usage = opts.usage ?? EMPTY_USAGE;
  const out: CostedChange[] = [];
  const changes = plan.changes;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const model = resourceModel(change.type);
    if (!model) {
      const free = FREE_TYPES.has(change.type) || FREE_PROVIDERS.has(providerShortName(change.providerName));
      out.push({ change, kind: free ? 'free' : 'unsupported', before: null, after: null });
      continue;
    }
    const pricing: PricingOptions = usage === EMPTY_USAGE ? { hoursPerMonth: opts.hoursPerMonth, usage: noUsage } : { hoursPerMonth: opts.hoursPerMonth, usage: (key) => usageValue(usage, change.address, change.type, key) };
    let region: string | undefined;
    let before: SideCost | null = null;
    if (change.before) {
      region = regionOf(change, change.before, opts.defaultRegion);
      if (region === undefined) throw new RegionUnknownError(plan.file, change.address);
      before = costSide(change, 'before', region, change.before, model, related, opts.prices, pricing);
    }
    let after: SideCost | null = null;
    if (change.after) {
      // One set of values on both sides (an unchanged resource of the prior state): priced once, unless the
      // model reads related resources, whose before and after sides may differ.
      if (change.after === change.before && before !== null && model.relatedTypes === undefined) after = before;
      else {
        region = regionOf(change, change.after, opts.defaultRegion);
        if (region === undefined) throw new RegionUnknownError(plan.file, change.address);
        after = costSide(change, 'after', region, change.after, model, related, opts.prices, pricing);
      }
    }
    const costed: { -readonly [K in keyof CostedChange]: CostedChange[K] } = { change, kind: 'priced', before, after };
    if (region) costed.region = region;
    out.push(costed);
  }
  return out;
}

const noUsage = (): undefined => undefined;

/**
 * `--compare-to base.json`: the base plan's after side becomes the before side of each resource, matched by
 * address (a resource only in the base is deleted, only in the head is created).
 */
export function compareCosted(base: readonly CostedChange[], head: readonly CostedChange[]): CostedChange[] {
  const baseBy = new Map(base.filter((c) => c.change.after !== null).map((c) => [c.change.address, c]));
  const out: CostedChange[] = [];
  for (const h of head) {
    if (h.change.after === null) continue;
    const b = baseBy.get(h.change.address);
    baseBy.delete(h.change.address);
    const same = b !== undefined && JSON.stringify(b.change.after?.values) === JSON.stringify(h.change.after.values);
    const action = b === undefined ? 'create' : same ? 'no-op' : 'update';
    out.push({ ...h, change: { ...h.change, action, before: b?.change.after ?? null }, before: b?.after ?? null });
  }
  for (const b of baseBy.values()) {
    out.push({ ...b, change: { ...b.change, action: 'delete', before: b.change.after, after: null }, before: b.after, after: null });
  }
  return out;
}
