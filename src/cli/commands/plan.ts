/**
 * `nuage diff plan.json [--compare-to base.json]` and `nuage breakdown plan.json`: monthly cost of a
 * Terraform plan per resource, before / after / delta, as table, JSON, Markdown or a pull-request comment.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { NotFoundError, UsageError } from '../../errors.js';
import { checkBudget } from '../../plan/budget-check.js';
import { getSavedBudget } from '../../store/budgets-repo.js';
import { openStore } from '../../store/db.js';
import { isDecimalString, type Currency, type FxRate } from '../../money/index.js';
import { afterSideOnly, buildDiff, type CostDiff } from '../../plan/diff.js';
import type { CostedChange } from '../../plan/cost-plan.js';
import { spotFindings } from '../../plan/findings.js';
import { evaluatePolicy, type PolicyResult } from '../../plan/policy.js';
import { catalogPrices, type PriceLookup } from '../../plan/price-lookup.js';
import { readPlanBytes } from '../../plan/read-plan.js';
import { valuesNeeded } from '../../plan/resources/index.js';
import { ChunkWriter, lineWriter } from '../../plan/render/chunks.js';
import { commentLines } from '../../plan/render/comment.js';
import { writeJson } from '../../plan/render/json.js';
import { writeTable } from '../../plan/render/table.js';
import type { UsageFile } from '../../plan/usage.js';
import { unusedUsage } from '../../plan/usage-check.js';
import { openCatalog } from '../catalog-source.js';
import { configFx, DEFAULT_HOURS_PER_MONTH } from '../config.js';
import { configFlags, EXIT_POLICY, globalOptions, pickFormat, savedName, userPath, withGlobalOptions, type CliContext, type CliIo, type CommandModule, type GlobalOptions } from '../context.js';
import { readUserFile, readUserText } from '../files.js';

export const PLAN_FORMATS = ['table', 'json', 'markdown', 'github-comment'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];
export { DEFAULT_HOURS_PER_MONTH };
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

async function settings(flags: PlanFlags, io: CliIo, globals: GlobalOptions): Promise<Settings> {
  const { values, origins } = globals.config;
  // The usage and price-override readers (yaml, zod) load with the commands that need them.
  const { EMPTY_USAGE, parseUsageFile } = await import('../../plan/usage.js');
  let usage = EMPTY_USAGE;
  const usageGiven = flags.usage ?? (existsSync(userPath(io, DEFAULT_USAGE_FILE)) ? DEFAULT_USAGE_FILE : undefined);
  if (usageGiven !== undefined) usage = parseUsageFile(readUserText(io, usageGiven, 'usage file (YAML)'), userPath(io, usageGiven));
  const overrides = flags.prices !== undefined ? (await import('../../plan/price-overrides.js')).parsePriceOverrides(readUserText(io, flags.prices, 'price override file (YAML)'), userPath(io, flags.prices), flags.prices) : undefined;
  // A plan resource without a region takes the configured one (flag, config file, $NUAGE_REGION), else the
  // AWS CLI's; never the built-in default: a plan that does not say its region asks for --region.
  const region = origins.region.kind !== 'default' ? values.region : (io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION);
  return {
    format: pickFormat(flags.format, PLAN_FORMATS),
    currency: values.currency,
    fx: configFx(globals.config, io),
    hoursPerMonth: values.hoursPerMonth,
    ...(region ? { defaultRegion: region } : {}),
    usage,
    prices: catalogPrices(openCatalog(globals), overrides),
  };
}

/** The saved budget's environment against the diff (edge: reads the store). */
function budgetCheck(diff: CostDiff, name: string, environment: string, db: string) {
  const store = openStore(db, { readonly: true, missing: `no saved budget "${name}": save one with nuage estimate --save ${name}` });
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

/** Costs one plan file. The pricer and the usage reader (yaml, zod) load with the plan commands only. */
async function costFile(io: CliIo, file: string, s: Settings): Promise<CostedChange[]> {
  const { costPlan } = await import('../../plan/cost-plan.js');
  // Only the values costing reads are kept: the rest of the parsed plan is garbage as soon as it is read.
  const plan = readPlanBytes(readUserFile(io, file, 'Terraform plan JSON (terraform show -json)'), userPath(io, file), { keepValues: valuesNeeded });
  return costPlan(plan, { hoursPerMonth: s.hoursPerMonth, prices: s.prices, usage: s.usage, ...(s.defaultRegion ? { defaultRegion: s.defaultRegion } : {}) });
}

/** Usage-file entries the plan never reads, on stderr (a typo would otherwise leave a component usage-based silently). */
function warnUnusedUsage(io: CliIo, s: Settings, costed: CostedChange[]): CostedChange[] {
  if (s.usage.file !== '') for (const w of unusedUsage(s.usage, costed)) io.stderr(`nuage: usage file warning: ${w}\n`);
  return costed;
}

/** The diff of costed changes; they (and the plan values they hold) are garbage once it is built. */
function diffOf(costed: readonly CostedChange[], s: Settings): CostDiff {
  return buildDiff(costed, { currency: s.currency, fx: s.fx, hoursPerMonth: s.hoursPerMonth, prices: s.prices, findings: spotFindings(costed, s.prices) });
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
  const withOptions = withGlobalOptions(cmd, PLAN_FORMATS)
    .option('--currency <code>', 'output currency: USD or EUR (default: config file, $NUAGE_CURRENCY, else EUR)')
    .option('--usd-eur <rate>', 'EUR per 1 USD (default: config file, $NUAGE_USD_EUR, else the ECB reference rate shipped in data/fx)')
    .option('--hours-per-month <hours>', `hours in a month (default: config file, $NUAGE_HOURS_PER_MONTH, else ${DEFAULT_HOURS_PER_MONTH})`)
    .option('--region <region>', 'region of resources whose plan sets none (default: config file, $NUAGE_REGION, $AWS_REGION)')
    .option('--usage <file>', `usage values of usage-based components (default ./${DEFAULT_USAGE_FILE} when present)`)
    .option('--prices <file>', 'price override file (YAML): prices that win over the catalog')
    .option('--project <name>', 'project name shown in the comment and keyed in its marker');
  return configFlags(withOptions, { region: 'region', currency: 'currency', hoursPerMonth: 'hoursPerMonth', usdEur: 'usdEur' });
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
  ).action(async (file: string, flags: PlanFlags, cmd: Command) => {
    const globals = await globalOptions(cmd, ctx.io);
    const budgetName = flags.budget !== undefined ? savedName('--budget', flags.budget) : undefined;
    const s = await settings(flags, ctx.io, globals);
    const policy = { failAbove: decimalFlag('--fail-above', flags.failAbove), failAbovePercent: decimalFlag('--fail-above-percent', flags.failAbovePercent) };
    const head = await costFile(ctx.io, file, s);
    const { compareCosted } = await import('../../plan/cost-plan.js');
    const costed = flags.compareTo !== undefined ? compareCosted(afterSideOnly(await costFile(ctx.io, flags.compareTo, s)), head) : head;
    warnUnusedUsage(ctx.io, s, costed);
    const computed = diffOf(costed, s);
    const diff = budgetName !== undefined ? { ...computed, budget: budgetCheck(computed, budgetName, flags.environment ?? 'prod', globals.db) } : computed;
    const result = evaluatePolicy(diff, policy);
    const checked = policy.failAbove !== undefined || policy.failAbovePercent !== undefined;
    render(ctx.io, diff, s, flags, false, checked ? result : undefined);
    for (const w of result.warnings) ctx.io.stderr(`nuage: policy warning: ${w}\n`);
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
  ).action(async (file: string, flags: PlanFlags, cmd: Command) => {
    const s = await settings(flags, ctx.io, await globalOptions(cmd, ctx.io));
    render(ctx.io, diffOf(afterSideOnly(warnUnusedUsage(ctx.io, s, await costFile(ctx.io, file, s))), s), s, flags, true);
  });
};
