/**
 * Reserved-to-on-demand ratios measured on ec2instances-2018 (effective hourly ÷ on-demand, per offer),
 * used to estimate reserved rates for types and regions that file does not price: the family's median,
 * else the median over the current-generation 2018 families of the same category (leading letters:
 * "m", "c", "r"…), else the median over every current-generation 2018 type. Ratios are rounded to 4
 * decimals so the stated method reproduces the figure.
 */
import { RESERVED_ORDER } from '../../../src/catalog/snapshot-format.js';
import { dec, type Decimal } from '../../../src/money/index.js';
import type { Ec2InstancesPrice } from './ec2instances.js';
import { splitName } from './specs.js';

export interface Ratio {
  readonly value: Decimal;
  /** Number of 2018 (type, region) prices behind the median. */
  readonly n: number;
  /** How the ratio was chosen, for the method text. */
  readonly scope: string;
}

export function categoryOf(family: string): string {
  return /^[a-z]+/.exec(family)?.[0] ?? family;
}

export function offerLabel(index: number): string {
  const o = RESERVED_ORDER[index]!;
  return `${o.term} ${o.offeringClass} ${o.paymentOption}`;
}

export function median(values: readonly Decimal[]): Decimal {
  const s = [...values].sort((a, b) => a.cmp(b));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : s[mid - 1]!.plus(s[mid]!).div(2);
}

/** One type's ratio for an offer, rounded to 4 decimals. */
export function ratioOf(reserved: string, onDemand: string): Decimal {
  return dec(reserved).div(dec(onDemand)).round(4);
}

export class RatioTables {
  private readonly family = new Map<string, Decimal[][]>();
  private readonly category = new Map<string, Decimal[][]>();
  private readonly categoryFamilies = new Map<string, Set<string>>();
  private readonly global: Decimal[][] = RESERVED_ORDER.map(() => []);
  private readonly memo = new Map<string, Ratio | undefined>();

  constructor(rows: readonly Ec2InstancesPrice[], currentGeneration2018: (instanceType: string) => boolean) {
    const empty = (): Decimal[][] => RESERVED_ORDER.map(() => []);
    for (const r of rows) {
      if (r.onDemand === undefined || dec(r.onDemand).eq(0)) continue;
      const fam = splitName(r.instanceType).family;
      const cat = categoryOf(fam);
      const current = currentGeneration2018(r.instanceType);
      let f = this.family.get(fam);
      if (!f) this.family.set(fam, (f = empty()));
      let c = this.category.get(cat);
      if (current && !c) this.category.set(cat, (c = empty()));
      if (current) {
        let fams = this.categoryFamilies.get(cat);
        if (!fams) this.categoryFamilies.set(cat, (fams = new Set()));
        fams.add(fam);
      }
      r.reserved.forEach((usd, i) => {
        if (usd === undefined) return;
        const ratio = dec(usd).div(dec(r.onDemand!));
        f![i]!.push(ratio);
        if (current) {
          c![i]!.push(ratio);
          this.global[i]!.push(ratio);
        }
      });
    }
  }

  /** The ratio to apply to `family`'s on-demand price for offer `index`, or undefined (no 2018 data at all). */
  ratio(family: string, index: number): Ratio | undefined {
    const key = `${family}\u0000${index}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const label = offerLabel(index);
    const make = (values: readonly Decimal[] | undefined, scope: string): Ratio | undefined =>
      values && values.length > 0 ? { value: median(values).round(4), n: values.length, scope } : undefined;
    const cat = categoryOf(family);
    const fams = [...(this.categoryFamilies.get(cat) ?? [])].sort().join(', ');
    const r =
      make(this.family.get(family)?.[index], `${family} family median ${label} ÷ on-demand ratio`) ??
      make(this.category.get(cat)?.[index], `family not in the 2018 file: "${cat}" category median ${label} ÷ on-demand ratio over its current-generation 2018 families (${fams})`) ??
      make(this.global[index], `neither family nor category in the 2018 file: median ${label} ÷ on-demand ratio over all current-generation 2018 types`);
    this.memo.set(key, r);
    return r;
  }
}
