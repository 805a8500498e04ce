/**
 * On-demand precedence: for each region and type, the newest exact price wins (sources ordered by their
 * date of facts). Where an older source disagrees, the disagreement is recorded for the manifest.
 */
import { dec } from '../../../src/money/index.js';

export interface DatedSource {
  readonly id: string;
  readonly asOf: string;
}

/** One source's on-demand prices: region → type → USD/h. */
export interface OnDemandTable {
  readonly source: DatedSource;
  readonly prices: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export interface ChosenPrice {
  readonly usdPerHour: string;
  readonly source: DatedSource;
}

export interface Disagreement {
  readonly region: string;
  readonly instanceType: string;
  readonly winner: ChosenPrice;
  readonly loser: ChosenPrice;
}

export interface OnDemandChoice {
  /** region → type → chosen price. */
  readonly chosen: ReadonlyMap<string, ReadonlyMap<string, ChosenPrice>>;
  readonly disagreements: readonly Disagreement[];
}

export function chooseOnDemand(tables: readonly OnDemandTable[]): OnDemandChoice {
  const ordered = [...tables].sort((a, b) => (a.source.asOf === b.source.asOf ? a.source.id.localeCompare(b.source.id) : a.source.asOf < b.source.asOf ? 1 : -1));
  const chosen = new Map<string, Map<string, ChosenPrice>>();
  const disagreements: Disagreement[] = [];
  for (const t of ordered) {
    for (const [region, byType] of t.prices) {
      let out = chosen.get(region);
      if (!out) chosen.set(region, (out = new Map()));
      for (const [type, usd] of byType) {
        const winner = out.get(type);
        if (!winner) out.set(type, { usdPerHour: usd, source: t.source });
        else if (!dec(winner.usdPerHour).eq(dec(usd))) {
          disagreements.push({ region, instanceType: type, winner, loser: { usdPerHour: usd, source: t.source } });
        }
      }
    }
  }
  return { chosen, disagreements };
}

/** Groups disagreements by (winner source, loser source) for the manifest notes. */
export function describeDisagreements(list: readonly Disagreement[], detailUpTo = 40): string[] {
  const groups = new Map<string, Disagreement[]>();
  for (const d of list) {
    const key = `${d.winner.source.id} (${d.winner.source.asOf}) over ${d.loser.source.id} (${d.loser.source.asOf})`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(d);
  }
  return [...groups.entries()].map(([key, g]) => {
    const shown = g.length <= detailUpTo ? g : g.slice(0, 10);
    const items = shown.map((d) => `${d.instanceType} ${d.region} ${d.winner.usdPerHour} vs ${d.loser.usdPerHour}`).join('; ');
    return `on-demand: ${key}: ${g.length} prices differ, newer kept: ${items}${shown.length < g.length ? `; … (${g.length - shown.length} more)` : ''}`;
  });
}
