/**
 * Monthly budgets per environment: from a budget file (YAML or JSON) or a saved nuage estimate.
 *
 * Budget file:
 *   currency: EUR              # USD, EUR, … (the currency of the amounts below)
 *   tagKey: env                # optional: tag holding the environment (default env)
 *   environments:
 *     prod: 12000              # monthly amount (number or decimal string)
 *     staging: { amount: "4800.00", tags: [staging, stage] }   # tag values counted for it
 *   months:                    # optional per-month overrides
 *     "2026-12": { prod: 15000 }
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { FieldProblem } from './field-values.js';
import { parseAmount } from './amount.js';
import { yamlLineOf as lineOf } from '../yaml-input.js';

export interface EnvBudget {
  readonly name: string;
  /** Monthly amount, exact decimal text, in the plan's currency. */
  readonly monthly: string;
  /** Tag values (lowercase) counted for this environment. */
  readonly match: readonly string[];
}

export interface BudgetPlan {
  /** "budget file budgets.yaml" / "saved estimate "q3"" */
  readonly source: string;
  readonly currency: string;
  readonly tagKey?: string;
  readonly environments: readonly EnvBudget[];
  /** FX saved with an estimate (EUR per USD), when there is one. */
  readonly fx?: { readonly usdToEur: string; readonly asOf: string; readonly source: string };
}

const AMOUNT_HINT = 'expected a non-negative amount such as 1200 or "1200.50"';

/** A monthly amount: a number or decimal text, not negative; the message names the bad value. */
const amount = z.unknown().transform((v, ctx) => {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined;
  const problem =
    text === undefined
      ? `${v === null ? 'empty' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : typeof v}: ${AMOUNT_HINT}`
      : !parseAmount(text)
        ? `"${text}" is not a decimal number (${AMOUNT_HINT})`
        : text.startsWith('-')
          ? `"${text}" is negative (${AMOUNT_HINT})`
          : undefined;
  if (problem !== undefined || text === undefined) {
    ctx.addIssue({ code: 'custom', message: problem ?? AMOUNT_HINT });
    return z.NEVER;
  }
  return (parseAmount(text) as { text: string }).text;
});

const envObject = z.strictObject({ amount, tags: z.array(z.string().min(1)).optional() });

/** A plain amount, or { amount, tags }: judged by its shape, so the message is about the amount itself (no union "Invalid input"). */
const envEntry = z.unknown().transform((v, ctx) => {
  const r = v !== null && typeof v === 'object' && !Array.isArray(v) ? envObject.safeParse(v) : amount.safeParse(v);
  if (!r.success) {
    for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] } as never);
    return z.NEVER;
  }
  return r.data;
});

const budgetFile = z.strictObject({
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'expected a 3-letter currency code'),
  tagKey: z.string().min(1).optional(),
  environments: z.record(z.string().min(1), envEntry),
  months: z.record(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'), z.record(z.string().min(1), amount)).optional(),
});

/** Parses a budget file's text for `month` ("YYYY-MM"); throws FieldProblem naming the key path. */
export function parseBudgetFile(text: string, label: string, month: string): BudgetPlan {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const syntax = doc.errors[0];
  if (syntax) {
    throw new FieldProblem('(file)', `not valid YAML/JSON: ${syntax.message.split('\n')[0]}`, syntax.linePos?.[0]?.line);
  }
  const parsed = budgetFile.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).map(String);
    const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const known = unknownKey !== undefined ? ' (known keys: currency, tagKey, environments, months; an environment takes amount, tags)' : '';
    const field = [...path, ...(unknownKey !== undefined ? [unknownKey] : [])].join('.') || '(top level)';
    throw new FieldProblem(field, `${unknownKey !== undefined ? 'unknown key' : (issue?.message ?? 'invalid')}${known}`, lineOf(doc, lines, path, unknownKey));
  }
  const f = parsed.data;
  const overrides = f.months?.[month] ?? {};
  for (const name of Object.keys(overrides)) {
    if (!(name in f.environments)) {
      throw new FieldProblem(`months.${month}.${name}`, `not one of the environments (${Object.keys(f.environments).join(', ')})`, lineOf(doc, lines, ['months', month], name));
    }
  }
  return {
    source: `budget file ${label}`,
    currency: f.currency.toUpperCase(),
    ...(f.tagKey ? { tagKey: f.tagKey } : {}),
    environments: Object.entries(f.environments).map(([name, e]) => {
      const base = typeof e === 'string' ? { monthly: e, tags: undefined } : { monthly: e.amount, tags: e.tags };
      return { name, monthly: overrides[name] ?? base.monthly, match: (base.tags ?? [name]).map((t) => t.toLowerCase()) };
    }),
  };
}


/** The slice of a saved estimate (src/store/budgets-repo.ts SavedBudget) a budget needs. */
export interface SavedEstimate {
  readonly name: string;
  readonly currency: string;
  readonly usdToEur: string;
  readonly fxAsOf: string;
  readonly fxSource: string;
  readonly environments: readonly { readonly name: string; readonly ratio: string; readonly monthlyCost: string }[];
}

export function planFromSavedEstimate(saved: SavedEstimate): BudgetPlan {
  return {
    source: `saved estimate "${saved.name}"`,
    currency: saved.currency,
    environments: saved.environments.map((e) => ({ name: e.name, monthly: e.monthlyCost, match: [e.name.toLowerCase()] })),
    fx: { usdToEur: saved.usdToEur, asOf: saved.fxAsOf, source: saved.fxSource },
  };
}
