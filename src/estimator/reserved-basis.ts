/**
 * The basis lines of a reserved scenario, grouped: one line per way the rates are known, the shared
 * method said once, and the families that use each ratio listed once, instead of one long line per
 * family. Estimated rates (a 2018 reserved ÷ on-demand ratio × today's on-demand price, see
 * docs/catalog.md) are read with the importer's phrasings (scripts/data/ec2/reserved-ratios.ts and
 * reserved.ts; test/estimator/reserved-basis.test.ts checks every method of the committed snapshot);
 * a method in any other wording is shown whole.
 */
import type { PriceBasis } from '../catalog/types.js';

export interface UsedRate {
  readonly family: string;
  readonly basis: PriceBasis;
}

const SCALES = ' × the on-demand price (';
const N = String.raw`(\d+ prices?)`;
const R = String.raw`([\d.]+)`;

/** The importer's ratio phrasings (offer label removed): what they share, and what is each ratio's own. */
const PHRASINGS: readonly { readonly method: string; readonly re: RegExp; readonly item: (m: RegExpExecArray) => string }[] = [
  { method: "the type's own 2018 ratio (on-demand has changed since)", re: new RegExp(String.raw`^(\S+)'s own ÷ on-demand ratio ${R} \(([^:]+): ([^;]+); on-demand has changed since\)$`), item: (m) => `${m[1]} ${m[2]} (${m[4]})` },
  { method: 'family median ratio', re: new RegExp(String.raw`^(\S+) family median ÷ on-demand ratio ${R} \(${N}\)$`), item: (m) => `${m[2]} (${m[3]})` },
  {
    method: 'category median ratio (family not in the 2018 file)',
    re: new RegExp(String.raw`^family not in the 2018 file: "(\w+)" category median ÷ on-demand ratio over its current-generation 2018 families \(([^)]*)\) ${R} \(${N}\)$`),
    item: (m) => `"${m[1]}" ${m[3]} (over ${m[2]}; ${m[4]})`,
  },
  {
    method: 'median ratio of all current-generation 2018 types (neither family nor category in the 2018 file)',
    re: new RegExp(String.raw`^neither family nor category in the 2018 file: median ÷ on-demand ratio over all current-generation 2018 types ${R} \(${N}\)$`),
    item: (m) => `${m[1]} (${m[2]})`,
  },
];

/** "m5, m6i" (sorted, distinct). */
function families(list: readonly string[]): string {
  return [...new Set(list)].sort().join(', ');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Adds `family` under `key` of a map of lists. */
function push<K>(m: Map<K, string[]>, key: K, family: string): void {
  m.set(key, [...(m.get(key) ?? []), family]);
}

/**
 * One ratio's text, read with the importer's phrasings: the method shared by every family using that
 * phrasing, and this ratio's own part. The offer label and the ratio's source and date (said once in
 * the line's head) are left out.
 */
export function readRatio(ratio: string, offer: string, source: string): { method: string; item: string } {
  const text = ratio.replace(` ${offer} ÷`, ' ÷').replace(new RegExp(String.raw`\(${escape(source)}, \d{4}-\d{2}-\d{2}, ${N}\)`), '($1)');
  for (const p of PHRASINGS) {
    const m = p.re.exec(text);
    if (m) return { method: p.method, item: p.item(m) };
  }
  return { method: '', item: text };
}

/** `offer` is the offer's label ("1yr standard no-upfront"); `sourceDates` date the sources (source id → date). */
export function reservedBasisLines(offer: string, used: readonly UsedRate[], sourceDates: ReadonlyMap<string, string> = new Map()): string[] {
  const head = `${offer} effective hourly`;
  const exact = new Map<string, string[]>();
  const plain = new Map<string, string[]>();
  /** "source\0on-demand price" → method → item → families */
  const ratios = new Map<string, Map<string, Map<string, string[]>>>();
  for (const { family, basis: b } of used) {
    if (b.kind === 'exact') {
      push(exact, `exact (${b.source}, ${b.asOf})`, family);
      continue;
    }
    const at = b.method?.lastIndexOf(SCALES) ?? -1;
    if (!b.method || at < 0 || !b.method.endsWith(')')) {
      push(plain, `estimate (${b.method ?? b.source}, ${b.asOf})`, family);
      continue;
    }
    const key = `${b.source}\u0000${b.method.slice(at + SCALES.length, -1)}`;
    const byMethod = ratios.get(key) ?? new Map<string, Map<string, string[]>>();
    ratios.set(key, byMethod);
    const { method, item } = readRatio(b.method.slice(0, at), offer, b.source);
    const items = byMethod.get(method) ?? new Map<string, string[]>();
    byMethod.set(method, items);
    push(items, item, family);
  }
  const lines: string[] = [];
  for (const [k, fams] of exact) lines.push(`${head}: ${k}: ${families(fams)}`);
  for (const [key, byMethod] of ratios) {
    const [source = '', onDemand] = key.split('\u0000');
    const dated = sourceDates.get(source);
    const parts = [...byMethod].map(([method, items]) => {
      const list = [...items].map(([item, fams]) => `${families(fams)} ← ${item}`).join('; ');
      return method ? `${method}: ${list}` : list;
    });
    lines.push(`${head}: estimate = ${source}${dated ? ` (${dated})` : ''} reserved ÷ on-demand ratio × the on-demand price (${onDemand}); ${parts.join('; ')}`);
  }
  for (const [k, fams] of plain) lines.push(`${head}: ${k}: ${families(fams)}`);
  return lines;
}
