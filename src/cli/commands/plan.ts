/**
 * `nuage diff plan.json [--compare-to base.json]` and `nuage breakdown plan.json`: monthly cost of a
 * Terraform plan per resource, before / after / delta, as table, JSON, Markdown or a pull-request comment.
 */
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { loadDefaultFx } from '../../catalog/fx.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { checkBudget } from '../../plan/budget-check.js';
import { getSavedBudget } from '../../store/budgets-repo.js';
import { openStore } from '../../store/db.js';
import { fxFromUsdToEur, isCurrency, isDecimalString, type Currency, type FxRate } from '../../money/index.js';
import { afterSideOnly, buildDiff, type CostDiff } from '../../plan/diff.js';
import { compareCosted, costPlan, type CostedChange } from '../../plan/cost-plan.js';
import { spotFindings } from '../../plan/findings.js';
import { evaluatePolicy, type PolicyResult } from '../../plan/policy.js';
import { catalogPrices, type PriceLookup } from '../../plan/price-lookup.js';
import { parsePriceOverrides } from '../../plan/price-overrides.js';
import { readPlanBytes } from '../../plan/read-plan.js';
import { valuesNeeded } from '../../plan/resources/index.js';
import { ChunkWriter, lineWriter } from '../../plan/render/chunks.js';
import { commentLines } from '../../plan/render/comment.js';
import { writeJson } from '../../plan/render/json.js';
import { writeTable } from '../../plan/render/table.js';
import { EMPTY_USAGE, parseUsageFile, type UsageFile } from '../../plan/usage.js';
import { openCatalog } from '../catalog-source.js';
import { EXIT_POLICY, globalOptions, pickFormat, userPath, withGlobalOptions, type CliContext, type CliIo, type CommandModule, type GlobalOptions } from '../context.js';

export const PLAN_FORMATS = ['table', 'json', 'markdown', 'github-comment'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];
export const DEFAULT_HOURS_PER_MONTH = 730;
export const DEFAULT_USAGE_FILE = 'nuage-usage.yml';

interface PlanFlags {
  format?: string;
  currency?: string;
  usdEur?: string;
  hoursPerMonth?: string;
  region?: string;
  usage?: string;
  prices?: string;
  compareTo?: string;
  failAbove?: string;
  failAbovePercent?: string;
  project?: string;
  budget?: string;
  environment?: string;
}

interface Settings {
  readonly format: PlanFormat;
  readonly currency: Currency;
  readonly fx: FxRate;
  readonly hoursPerMonth: number;
  readonly defaultRegion?: string;
  readonly usage: UsageFile;
  readonly prices: PriceLookup;
}

function decimalFlag(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isDecimalString(value)) throw new UsageError(`${name} expects a number, got "${value}"`);
  return value.trim();
}

function settings(flags: PlanFlags, io: CliIo, globals: GlobalOptions): Settings {
  const currency = flags.currency ?? io.env.NUAGE_CURRENCY ?? 'EUR';
  if (!isCurrency(currency)) throw new UsageError(`unknown --currency "${currency}"; expected one of: USD, EUR`);
  const usdEur = decimalFlag('--usd-eur', flags.usdEur);
  const fx = usdEur !== undefined ? fxFromUsdToEur(usdEur, io.now().toISOString().slice(0, 10), '--usd-eur flag') : loadDefaultFx();
  const hours = flags.hoursPerMonth ?? io.env.NUAGE_HOURS_PER_MONTH ?? String(DEFAULT_HOURS_PER_MONTH);
  const hoursPerMonth = Number(hours);
  if (!Number.isFinite(hoursPerMonth) || hoursPerMonth <= 0 || hoursPerMonth > 744) {
    throw new UsageError(`--hours-per-month expects a number of hours between 1 and 744, got "${hours}"`);
  }
  let usage = EMPTY_USAGE;
  const usagePath = flags.usage !== undefined ? userPath(io, flags.usage) : userPath(io, DEFAULT_USAGE_FILE);
  if (flags.usage !== undefined || existsSync(usagePath)) usage = parseUsageFile(readText(usagePath), usagePath);
  const overrides = flags.prices !== undefined ? parsePriceOverrides(readText(userPath(io, flags.prices)), userPath(io, flags.prices)) : undefined;
  const region = flags.region ?? io.env.NUAGE_REGION ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  return {
    format: pickFormat(flags.format, PLAN_FORMATS),
    currency,
    fx,
    hoursPerMonth,
    ...(region ? { defaultRegion: region } : {}),
    usage,
    prices: catalogPrices(openCatalog(globals), overrides),
  };
}

/** The saved budget's environment against the diff (edge: reads the store). */
function budgetCheck(diff: CostDiff, name: string, environment: string, db: string) {
  const store = openStore(db);
  try {
    const saved = getSavedBudget(store, name);
    if (!saved) throw new NotFoundError(`no saved budget "${name}" in ${db} (save one with nuage estimate --save ${name})`);
    const env = saved.environments.find((e) => e.name === environment);
    if (!env) throw new NotFoundError(`saved budget "${name}" has no environment "${environment}"; it has: ${saved.environments.map((e) => e.name).join(', ')}`);
    return checkBudget(diff, { name, environment, monthlyCost: env.monthlyCost, currency: saved.currency });
  } finally {
    store.close();
  }
}

function readText(path: string): string {
  if (!existsSync(path)) throw new UsageError(`${path}: file not found`);
  return readFileSync(path, 'utf8');
}

function costFile(io: CliIo, file: string, s: Settings): CostedChange[] {
  const path = userPath(io, file);
  if (!existsSync(path)) throw new UsageError(`${path}: file not found`);
  // Only the values costing reads are kept: the rest of the parsed plan is garbage as soon as it is read.
  const plan = readPlanBytes(readFileSync(path), path, { keepValues: valuesNeeded });
  return costPlan(plan, { hoursPerMonth: s.hoursPerMonth, prices: s.prices, usage: s.usage, ...(s.defaultRegion ? { defaultRegion: s.defaultRegion } : {}) });
}

/** The diff of costed changes; they (and the plan values they hold) are garbage once it is built. */
function diffOf(costed: readonly CostedChange[], s: Settings): CostDiff {
  return buildDiff(costed, { currency: s.currency, fx: s.fx, hoursPerMonth: s.hoursPerMonth, pricesAsOf: s.prices.pricesAsOf, findings: spotFindings(costed, s.prices) });
}

/**
 * The output, written in pieces as it renders: a large plan's report is never one string nor held whole
 * (the pieces concatenate to what the render* functions return).
 */
function render(io: CliIo, d: CostDiff, s: Settings, flags: PlanFlags, breakdown: boolean, policy?: PolicyResult): void {
  const w = new ChunkWriter((chunk) => io.stdout(chunk));
  switch (s.format) {
    case 'json':
      writeJson(d, policy, (piece) => w.add(piece));
      break;
    case 'markdown':
      writeTable(d, 'markdown', breakdown, lineWriter(w));
      break;
    case 'github-comment': {
      const line = lineWriter(w);
      for (const l of commentLines(d, { ...(flags.project ? { project: flags.project } : {}), ...(policy ? { policy } : {}) })) line(l);
      break;
    }
    case 'table':
      writeTable(d, 'text', breakdown, lineWriter(w));
      break;
  }
  w.flush();
}

function withPlanOptions(cmd: Command): Command {
  return withGlobalOptions(cmd)
    .option('--currency <code>', 'output currency: USD or EUR (default EUR, or $NUAGE_CURRENCY)')
    .option('--usd-eur <rate>', 'EUR per 1 USD (default: the ECB reference rate shipped in data/fx)')
    .option('--hours-per-month <hours>', `hours in a month (default ${DEFAULT_HOURS_PER_MONTH})`)
    .option('--region <region>', 'region of resources whose plan sets none (default $NUAGE_REGION, $AWS_REGION)')
    .option('--usage <file>', `usage values of usage-based components (default ./${DEFAULT_USAGE_FILE} when present)`)
    .option('--prices <file>', 'price override file (YAML): prices that win over the catalog')
    .option('--project <name>', 'project name shown in the comment and keyed in its marker');
}

export const planCommands: CommandModule = (program: Command, ctx: CliContext) => {
  withPlanOptions(
    program
      .command('diff')
      .description('monthly cost diff of a Terraform plan (`terraform show -json` output), per resource')
      .argument('<plan>', 'plan JSON file')
      .option('--compare-to <base>', "a base plan: compare its after side with this plan's after side")
      .option('--fail-above <amount>', 'exit 2 when the monthly delta is above this amount (output currency)')
      .option('--fail-above-percent <percent>', 'exit 2 when the monthly delta is above this percentage')
      .option('--budget <name>', 'compare the stack after the change with this saved budget (nuage estimate --save)')
      .option('--environment <env>', 'environment of the saved budget to compare with', 'prod'),
  ).action((file: string, flags: PlanFlags, cmd: Command) => {
    const s = settings(flags, ctx.io, globalOptions(cmd, ctx.io));
    const policy = { failAbove: decimalFlag('--fail-above', flags.failAbove), failAbovePercent: decimalFlag('--fail-above-percent', flags.failAbovePercent) };
    const costed = (): CostedChange[] => {
      const head = costFile(ctx.io, file, s);
      return flags.compareTo !== undefined ? compareCosted(afterSideOnly(costFile(ctx.io, flags.compareTo, s)), head) : head;
    };
    const computed = diffOf(costed(), s);
    const diff = flags.budget !== undefined ? { ...computed, budget: budgetCheck(computed, flags.budget, flags.environment ?? 'prod', globalOptions(cmd, ctx.io).db) } : computed;
    const result = evaluatePolicy(diff, policy);
    const checked = policy.failAbove !== undefined || policy.failAbovePercent !== undefined;
    render(ctx.io, diff, s, flags, false, checked ? result : undefined);
    if (result.breached) {
      for (const r of result.reasons) ctx.io.stderr(`nuage: policy: ${r}\n`);
      ctx.setExitCode(EXIT_POLICY);
    }
  });

  withPlanOptions(
    program
      .command('breakdown')
      .description('monthly cost of every resource of a Terraform plan as it will run (the after side)')
      .argument('<plan>', 'plan JSON file'),
  ).action((file: string, flags: PlanFlags, cmd: Command) => {
    const s = settings(flags, ctx.io, globalOptions(cmd, ctx.io));
    render(ctx.io, diffOf(afterSideOnly(costFile(ctx.io, file, s)), s), s, flags, true);
  });
};
