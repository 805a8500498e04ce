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
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FieldProblem } from './field-values.js';
import { parseAmount } from './amount.js';

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

const amount = z.union([z.number().nonnegative(), z.string()]).transform((v, ctx) => {
  const text = typeof v === 'number' ? String(v) : v.trim();
  const p = parseAmount(text);
  if (!p || text.startsWith('-')) {
    ctx.addIssue({ code: 'custom', message: `expected a non-negative amount, got "${text}"` });
    return z.NEVER;
  }
  return p.text;
});

const envEntry = z.union([amount, z.strictObject({ amount, tags: z.array(z.string().min(1)).optional() })]);

const budgetFile = z.strictObject({
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'expected a 3-letter currency code'),
  tagKey: z.string().min(1).optional(),
  environments: z.record(z.string().min(1), envEntry),
  months: z.record(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'), z.record(z.string().min(1), amount)).optional(),
});

/** Parses a budget file's text for `month` ("YYYY-MM"); throws FieldProblem naming the key path. */
export function parseBudgetFile(text: string, label: string, month: string): BudgetPlan {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new FieldProblem('(file)', `not valid YAML/JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = budgetFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') || '(top level)';
    const known = issue?.code === 'unrecognized_keys' ? ' (known keys: currency, tagKey, environments, months; an environment takes amount, tags)' : '';
    throw new FieldProblem(path, `${issue?.message ?? 'invalid'}${known}`);
  }
  const f = parsed.data;
  const overrides = f.months?.[month] ?? {};
  for (const name of Object.keys(overrides)) {
    if (!(name in f.environments)) throw new FieldProblem(`months.${month}.${name}`, `not one of the environments (${Object.keys(f.environments).join(', ')})`);
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
