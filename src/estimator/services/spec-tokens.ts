/**
 * Tokens of a service spec: words (lower-case) and numbers with an optional k/M/B suffix (thousand, million,
 * billion), a unit glued on or not ("200GB" = "200 GB"). `quantityWords` takes flags and "<number> <unit>" pairs
 * out of the token list, and reports what is left over, duplicated or malformed.
 */
import { dec, toNumber, type Decimal } from '../../money/index.js';

export type Token = { readonly kind: 'number'; readonly value: Decimal; readonly raw: string } | { readonly kind: 'word'; readonly text: string; readonly raw: string };

const SUFFIX: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9 };
const ALIASES: Readonly<Record<string, string>> = {
  multiaz: 'multi-az',
  multi_az: 'multi-az',
  maz: 'multi-az',
  singleaz: 'single-az',
  single_az: 'single-az',
  ondemand: 'on-demand',
  on_demand: 'on-demand',
};

export function tokenize(text: string, fail: (problem: string) => never): Token[] {
  const out: Token[] = [];
  for (const raw of text.trim().split(/[\s,;]+/).filter(Boolean)) {
    const m = /^(\d+(?:\.\d+)?|\.\d+)(.*)$/.exec(raw);
    if (!m) {
      const w = raw.toLowerCase();
      out.push({ kind: 'word', text: ALIASES[w] ?? w, raw });
      continue;
    }
    const rest = m[2]!.toLowerCase();
    const suffix = SUFFIX[rest];
    if (rest === '' || suffix !== undefined) {
      out.push({ kind: 'number', value: dec(m[1]!).times(suffix ?? 1), raw });
    } else {
      // A unit glued to the number: "200GB", "50Mreads" is not accepted (write "50M reads").
      if (!/^[a-z-]+$/.test(rest)) fail(`cannot read "${raw}": write a number (with k, M or B) and a unit, e.g. "50M reads", "200 GB"`);
      out.push({ kind: 'number', value: dec(m[1]!), raw: m[1]! }, { kind: 'word', text: rest, raw: rest });
    }
  }
  return out;
}

/** How a quantity is read: GB (TB × 1,024), millions (of requests), or a plain count. */
export type Quantity = 'gb' | 'millions' | 'count';

export interface QuantityWords {
  /** Takes the first word among `options` (one at most); undefined when absent. */
  flag(options: readonly string[]): string | undefined;
  /** Takes "<n> <unit>" for a unit among `units` (one at most), converted per `as`. */
  take(units: readonly string[], as: Quantity): number | undefined;
  /** Takes the first word `accept` maps to a value; a problem names `what` when there is none. */
  name(what: string, accept: (word: string) => string | undefined): string;
  /** Fails on anything left over. */
  done(): void;
}

export function quantityWords(tokens: Token[], grammar: string, fail: (problem: string) => never): QuantityWords {
  const left = [...tokens];
  return {
    flag(options) {
      const found = left.filter((t) => t.kind === 'word' && options.includes(t.text));
      if (found.length > 1) fail(`"${found[0]!.raw}" and "${found[1]!.raw}" both given; write one (${grammar})`);
      const t = found[0];
      if (!t || t.kind !== 'word') return undefined;
      left.splice(left.indexOf(t), 1);
      return t.text;
    },
    take(units, as) {
      const at: number[] = [];
      left.forEach((t, i) => {
        const next = left[i + 1];
        if (t.kind === 'number' && next?.kind === 'word' && units.includes(next.text)) at.push(i);
      });
      if (at.length > 1) fail(`"${units[0]}" is given twice; write it once (${grammar})`);
      const i = at[0];
      if (i === undefined) return undefined;
      const [n, unit] = left.splice(i, 2) as [Extract<Token, { kind: 'number' }>, Extract<Token, { kind: 'word' }>];
      const v = as === 'gb' && unit.text === 'tb' ? n.value.times(1024) : as === 'millions' ? n.value.div(1e6) : n.value;
      return toNumber(v);
    },
    name(what, accept) {
      for (const t of left) {
        if (t.kind !== 'word') continue;
        const v = accept(t.text);
        if (v !== undefined) {
          left.splice(left.indexOf(t), 1);
          return v;
        }
      }
      return fail(`missing ${what} (${grammar})`);
    },
    done() {
      const t = left[0];
      if (!t) return;
      if (t.kind === 'number') {
        const unit = left[1];
        fail(unit?.kind === 'word' ? `unknown unit "${unit.raw}" after ${t.raw} (${grammar})` : `the number ${t.raw} needs a unit (${grammar})`);
      }
      fail(`unexpected "${t.raw}" (${grammar})`);
    },
  };
}
