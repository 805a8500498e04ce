/**
 * `nuage spend budget (--budget-file F | --budget NAME) [--month YYYY-MM] [--as-of D] [--basis]
 *   [--tag-key env] [--currency C] [--ce-forecast [--endpoint URL]] [--fail-on-over]`
 */
import type { Command } from 'commander';
import { basename } from 'node:path';
import BigImport from 'big.js';
import { loadDefaultFx } from '../../store/fx-file.js';
import { InputError, NotFoundError, UsageError } from '../../errors.js';
import { fromUsd, fxFromUsdToEur, type FxRate } from '../../money/index.js';
import { budgetVsActual } from '../../spend/budget-report.js';
import type { BudgetPlan } from '../../spend/budget-plan.js';
import { FieldProblem } from '../../spend/field-values.js';
import { nextMonthStart, WINDOW_DAYS } from '../../spend/forecast.js';
import { renderBudgetReport } from '../../spend/render-budget.js';
import { OUTPUT_FORMATS } from '../../spend/render-report.js';
import { BASES } from '../../spend/report.js';
import { addDays } from '../../spend/timestamp.js';
import { getSavedBudget } from '../../store/budgets-repo.js';
import { openStore } from '../../store/db.js';
import { budgetSeries } from '../../store/spend-budget-query.js';
import { pickSource } from '../../store/spend-queries.js';
import { configFlags, EXIT_POLICY, globalOptions, pickFormat, savedName, userPath, withGlobalOptions, type CliContext } from '../context.js';
import { readUserText } from '../files.js';
import { SOURCES } from './report-command.js';
import { choice, dayOption, monthOption } from './options.js';

const Big = BigImport as unknown as typeof BigImport;

interface BudgetOpts {
  budgetFile?: string;
  budget?: string;
  month?: string;
  asOf?: string;
  basis?: string;
  tagKey?: string;
  currency?: string;
  source?: string;
  ceForecast?: boolean;
  endpoint?: string;
  failOnOver?: boolean;
}

export function spendBudgetCommand(group: Command, ctx: CliContext): void {
  const budget = withGlobalOptions(
    group
      .command('budget')
      .description('budget vs actual vs forecast per environment for a month: month-to-date, projected month-end, variance, over/under')
      .option('--budget-file <file>', 'budget file (YAML or JSON): currency, environments, optional per-month overrides')
      .option('--budget <name>', 'a saved estimate (nuage estimate --save NAME) as the budget')
      .option('--month <YYYY-MM>', 'month (default: the month of --as-of)')
      .option('--as-of <day>', 'first day not yet complete, YYYY-MM-DD (default: today)')
      .option('--basis <basis>', 'billed or effective', 'effective')
      .option('--tag-key <key>', 'tag holding the environment (default: budget file tagKey, else config file tagKey, $NUAGE_TAG_KEY, else env)')
      .option('--currency <code>', 'billing currency to compare when spend has several')
      .option('--source <source>', `${SOURCES.join(' | ')}`, 'auto')
      .option('--ce-forecast', 'also ask Cost Explorer GetCostForecast (one billed request per environment, plus one for the total)')
      .option('--endpoint <url>', 'Cost Explorer endpoint override (tests, emulators)')
      .option('--fail-on-over', 'exit with code 2 when the projected total or an environment is over budget'),
    OUTPUT_FORMATS,
  );
  configFlags(budget, { tagKey: 'tagKey' }).action(async (opts: BudgetOpts, cmd) => {
    const globals = await globalOptions(cmd, ctx.io);
    const format = pickFormat(globals.format, OUTPUT_FORMATS);
    if ((opts.budgetFile === undefined) === (opts.budget === undefined)) throw new UsageError('give exactly one of --budget-file FILE or --budget NAME');
    const budgetName = opts.budget !== undefined ? savedName('--budget', opts.budget) : undefined;
    const budgetText = opts.budgetFile !== undefined ? readUserText(ctx.io, opts.budgetFile, 'budget file (YAML or JSON)') : undefined;
    const asOf = dayOption('--as-of', opts.asOf) ?? ctx.io.now().toISOString().slice(0, 10);
    const month = monthOption('--month', opts.month) ?? asOf.slice(0, 7);
    const basis = choice('--basis', opts.basis, BASES, 'effective');
    const store = openStore(globals.db, { readonly: true, missing: 'no spend imported or pulled, no estimate saved yet' });
    try {
      // The budget-file reader (yaml, zod) loads with this command only.
      const { parseBudgetFile, planFromSavedEstimate } = await import('../../spend/budget-plan.js');
      const plan =
        budgetText !== undefined ? planFromText(parseBudgetFile, budgetText, userPath(ctx.io, opts.budgetFile!), month) : savedPlan(planFromSavedEstimate, store, budgetName!);
      const { values, origins } = globals.config;
      const tagKey = origins.tagKey.kind === 'flag' ? values.tagKey : (plan.tagKey ?? values.tagKey);
      const monthEnd = nextMonthStart(month);
      const from = addDays(asOf < `${month}-01` ? asOf : `${month}-01`, -WINDOW_DAYS);
      const source = pickSource(store, choice('--source', opts.source, SOURCES, 'auto'), from, monthEnd);
      const series = budgetSeries(store, { source, tagKey, basis, from, to: monthEnd });
      const currency = pickCurrency([...series.currencies.keys()], plan.currency, opts.currency);
      const data = series.currencies.get(currency) ?? { byValue: new Map(), untagged: new Map() };
      const convert = budgetConversion(plan, currency);
      const ceRemaining = opts.ceForecast && asOf < monthEnd ? await ceForecasts(ctx, opts.endpoint, plan, [...data.byValue.keys()], { asOf, monthEnd, basis, tagKey, currency }) : undefined;
      const report = budgetVsActual({
        plan,
        month,
        asOf,
        basis,
        tagKey,
        currency,
        byValue: data.byValue,
        untagged: data.untagged,
        firstDataDay: series.firstDataDay,
        dataSource: source === 'file' ? 'line items (CUR/FOCUS imports)' : 'Cost Explorer (daily, pulled)',
        ...(convert ? { convert } : {}),
        ...(ceRemaining ? { ceRemaining } : {}),
      });
      ctx.io.stdout(renderBudgetReport(report, format));
      if (opts.failOnOver && (report.totals.status === 'over' || report.rows.some((r) => r.status === 'over'))) ctx.setExitCode(EXIT_POLICY);
    } finally {
      store.close();
    }
  });
}

function planFromText(parseBudgetFile: BudgetPlanModule['parseBudgetFile'], text: string, path: string, month: string): BudgetPlan {
  try {
    return parseBudgetFile(text, basename(path), month);
  } catch (err) {
    if (err instanceof FieldProblem) {
      throw new InputError({ file: path, ...(err.line !== undefined ? { row: err.line, rowKind: 'line' as const } : {}), field: err.field }, err.problem);
    }
    throw err;
  }
}

type BudgetPlanModule = typeof import('../../spend/budget-plan.js');

function savedPlan(planFromSavedEstimate: BudgetPlanModule['planFromSavedEstimate'], store: Parameters<typeof getSavedBudget>[0], name: string): BudgetPlan {
  const saved = getSavedBudget(store, name);
  if (!saved) throw new NotFoundError(`no saved estimate named "${name}" (nuage budgets list shows them)`);
  return planFromSavedEstimate(saved);
}

function pickCurrency(available: string[], planCurrency: string, wanted: string | undefined): string {
  if (wanted !== undefined) {
    const c = wanted.toUpperCase();
    if (available.length && !available.includes(c)) throw new UsageError(`no ${c} spend in this window; spend is in ${available.join(', ')}`);
    return c;
  }
  if (available.length <= 1) return available[0] ?? planCurrency;
  if (available.includes(planCurrency)) return planCurrency;
  throw new UsageError(`spend is in several currencies (${available.join(', ')}), never summed: choose one with --currency`);
}

/** Budget amounts into the billing currency; only USD ↔ EUR have a rate (ECB, or the one saved with the estimate). */
function budgetConversion(plan: BudgetPlan, currency: string): { apply: (a: string) => string; describe: string } | undefined {
  if (plan.currency === currency) return undefined;
  const pair = new Set([plan.currency, currency]);
  if (!(pair.has('USD') && pair.has('EUR'))) {
    throw new UsageError(`the budget is in ${plan.currency} but spend is in ${currency}: no exchange rate between them (only USD ↔ EUR)`);
  }
  const fx: FxRate = plan.fx ? fxFromUsdToEur(plan.fx.usdToEur, plan.fx.asOf, plan.fx.source) : loadDefaultFx();
  const describe = `1 USD = ${fx.usdToEur} EUR${fx.usdPerEur ? ` (1 EUR = ${fx.usdPerEur} USD)` : ''}, ${fx.source}, ${fx.asOf}`;
  if (plan.currency === 'USD') return { apply: (a) => fromUsd(a, 'EUR', fx).toFixed(), describe };
  return {
    apply: (a) => (fx.usdPerEur !== undefined ? new Big(a).times(new Big(fx.usdPerEur)) : new Big(a).div(new Big(fx.usdToEur))).toFixed(),
    describe,
  };
}

async function ceForecasts(
  ctx: CliContext,
  endpoint: string | undefined,
  plan: BudgetPlan,
  storedValues: string[],
  q: { asOf: string; monthEnd: string; basis: 'billed' | 'effective'; tagKey: string; currency: string },
): Promise<Map<string, string>> {
  // The AWS SDK loads only when a forecast is asked for.
  const { ceConnectionFromEnv, costExplorerClient, fetchCostForecast } = await import('../../aws/cost-explorer.js');
  const client = costExplorerClient(ceConnectionFromEnv(ctx.io.env, endpoint));
  const out = new Map<string, string>();
  try {
    const ask = async (key: string, tag?: { key: string; values: string[] }): Promise<void> => {
      const f = await fetchCostForecast(client, { start: q.asOf, end: q.monthEnd, basis: q.basis, ...(tag ? { tag } : {}) });
      if (f.currency !== q.currency) throw new UsageError(`Cost Explorer forecasts in ${f.currency}, spend is in ${q.currency}`);
      out.set(key, f.amount);
    };
    for (const env of plan.environments) {
      const values = storedValues.filter((v) => env.match.includes(v.toLowerCase()));
      await ask(env.name, { key: q.tagKey, values: values.length ? values : [env.name] });
    }
    await ask('*');
  } finally {
    client.destroy();
  }
  return out;
}
