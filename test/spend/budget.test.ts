/**
 * Budget vs actual vs forecast: budget file parsing, the CLI on a FOCUS fixture with a known
 * weekday pattern, a saved estimate as the budget (EUR, converted at its saved rate), and Cost
 * Explorer's GetCostForecast side by side (loopback).
 */
import BigImport from 'big.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldProblem } from '../../src/spend/field-values.js';
import { parseBudgetFile } from '../../src/spend/budget-plan.js';
import { daysBetween, weekdayIndex } from '../../src/spend/timestamp.js';
import { startAwsLoopback, type AwsLoopback } from '../support/aws-loopback.js';
import { runCli } from '../support/cli.js';
import { PROJECT_ROOT } from '../support/corpora.js';
import { tempStore, type TempStore } from './support/spend-store.js';

const Big = BigImport as unknown as typeof BigImport;

describe('budget file', () => {
  it('reads amounts exactly, tag aliases and month overrides', () => {
    const plan = parseBudgetFile(
      'currency: eur\ntagKey: Environment\nenvironments:\n  prod: { amount: "2400.10", tags: [prod, Production] }\n  staging: 1500\nmonths:\n  "2026-12": { prod: 3000 }\n',
      'b.yaml',
      '2026-11',
    );
    expect(plan).toEqual({
      source: 'budget file b.yaml',
      currency: 'EUR',
      tagKey: 'Environment',
      environments: [
        { name: 'prod', monthly: '2400.10', match: ['prod', 'production'] },
        { name: 'staging', monthly: '1500', match: ['staging'] },
      ],
    });
    expect(parseBudgetFile('{"currency":"USD","environments":{"prod":1},"months":{"2026-12":{"prod":"3000"}}}', 'b.json', '2026-12').environments[0]?.monthly).toBe('3000');
  });

  it.each([
    ['currency: USD\nenvironments: { prod: -5 }\n', 'environments.prod'],
    ['currency: USD\nenvironments: { prod: "12,5" }\n', 'environments.prod'],
    ['currency: dollars\nenvironments: {}\n', 'currency'],
    ['currency: USD\nenvironments: {}\nbudget: 3\n', 'budget'],
    ['currency: USD\nenvironments: { prod: 1 }\nmonths: { "2026-11": { qa: 1 } }\n', 'months.2026-11.qa'],
  ])('rejects %j naming %s', (text, field) => {
    const err = (() => {
      try {
        parseBudgetFile(text, 'b.yaml', '2026-11');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FieldProblem);
    expect((err as FieldProblem).field).toBe(field);
  });
});

describe('budget file errors name the line, the key path and the bad value', () => {
  const problem = (text: string) => {
    try {
      parseBudgetFile(text, 'b.yaml', '2026-11');
    } catch (e) {
      return e as FieldProblem;
    }
    throw new Error('accepted');
  };
  it.each([
    ['currency: USD\nenvironments:\n  prod: 1200\n  staging: "12,5"\n', 4, 'environments.staging', '"12,5" is not a decimal number (expected a non-negative amount such as 1200 or "1200.50")'],
    ['currency: USD\nenvironments:\n  prod: -5\n', 3, 'environments.prod', '"-5" is negative (expected a non-negative amount such as 1200 or "1200.50")'],
    ['currency: USD\nenvironments:\n  prod:\n    amount: 12.5.1\n    tags: [prod]\n', 4, 'environments.prod.amount', '"12.5.1" is not a decimal number (expected a non-negative amount such as 1200 or "1200.50")'],
    ['currency: USD\nenvironments:\n  prod: [1, 2]\n', 3, 'environments.prod', 'a list: expected a non-negative amount such as 1200 or "1200.50"'],
    ['currency: USD\nenvironments: { prod: 1 }\nmonths:\n  "2026-12":\n    prod: twelve\n', 5, 'months.2026-12.prod', '"twelve" is not a decimal number (expected a non-negative amount such as 1200 or "1200.50")'],
    ['{\n  "currency": "USD",\n  "environments": {\n    "prod": "1 200"\n  }\n}\n', 4, 'environments.prod', '"1 200" is not a decimal number (expected a non-negative amount such as 1200 or "1200.50")'],
    ['currency: USD\nenvironments: {}\nbudgets: 3\n', 3, 'budgets', 'unknown key (known keys: currency, tagKey, environments, months; an environment takes amount, tags)'],
  ])('%j → line %i, field %s', (text, line, field, message) => {
    const p = problem(text);
    expect([p.line, p.field, p.problem]).toEqual([line, field, message]);
  });

  it('the CLI names file, line, field and value, and exits 1', async () => {
    const t = tempStore();
    try {
      const file = join(t.dir, 'budget.yaml');
      writeFileSync(file, 'currency: EUR\nenvironments:\n  prod: 12000\n  staging: "12,5"\n');
      const r = await runCli(['spend', 'budget', '--budget-file', file, '--month', '2026-11', '--db', t.path]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`nuage: ${file}, line 4, field "environments.staging": "12,5" is not a decimal number (expected a non-negative amount such as 1200 or "1200.50")\n`);
    } finally {
      t.dispose();
    }
  });
});

/** Oct 1 – Nov 15, 2026: prod 100 on weekdays / 50 on weekends, staging 40 a day, 5 a day untagged. */
function spendCsv(): string {
  const header = 'BillingAccountId,BillingCurrency,BillingPeriodStart,ChargePeriodStart,ServiceName,BilledCost,EffectiveCost,Tags\n';
  const rows = daysBetween('2026-10-01', '2026-11-16').flatMap((d) => {
    const period = `${d.slice(0, 7)}-01T00:00:00Z`;
    const at = `${d}T00:00:00Z`;
    const prod = weekdayIndex(d) >= 5 ? '50' : '100';
    return [
      `111122223333,USD,${period},${at},Amazon EC2,${prod},${prod},"{""env"":""Production""}"`,
      `111122223333,USD,${period},${at},Amazon RDS,40,40,"{""env"":""staging""}"`,
      `111122223333,USD,${period},${at},Amazon S3,5,5,{}`,
    ];
  });
  return header + rows.join('\n') + '\n';
}

describe('nuage spend budget', () => {
  let t: TempStore;
  let budgetFile: string;
  let loopback: AwsLoopback;
  const env = (): Record<string, string> => ({ AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'x', AWS_ENDPOINT_URL_COST_EXPLORER: loopback.url });

  beforeAll(async () => {
    t = tempStore();
    const csv = join(t.dir, 'focus.csv');
    writeFileSync(csv, spendCsv());
    budgetFile = join(t.dir, 'budget.yaml');
    writeFileSync(budgetFile, 'currency: USD\nenvironments:\n  prod: { amount: 2400, tags: [prod, production] }\n  staging: 1500\n  dev: 300\n');
    const r = await runCli(['spend', 'import', csv, '--db', t.path]);
    expect(r.code).toBe(0);
    loopback = await startAwsLoopback();
    loopback.on('GetCostForecast', (req) => {
      const body = req.json as { Filter?: { Tags: { Values: string[] } } };
      const amount = body.Filter ? (body.Filter.Tags.Values[0] === 'Production' ? '1280.5' : '610') : '1990.5';
      return { body: { Total: { Amount: amount, Unit: 'USD' }, ForecastResultsByTime: [{ TimePeriod: { Start: '2026-11-16', End: '2026-12-01' }, MeanValue: amount }] } };
    });
  });
  afterAll(async () => {
    t.dispose();
    await loopback.close();
  });

  it('month-to-date, weekday-shaped projection, variance and over/under per environment', async () => {
    const r = await runCli(['spend', 'budget', '--budget-file', budgetFile, '--as-of', '2026-11-16', '--format', 'json', '--db', t.path]);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ month: '2026-11', asOf: '2026-11-16', currency: 'USD', basis: 'effective', tagKey: 'env', fx: null });
    const rows = Object.fromEntries(report.rows.map((row: { environment: string }) => [row.environment, row]));
    expect(rows.prod).toMatchObject({ tagValues: ['Production'], budget: '2400.00', monthToDate: '1250', projected: '2550.00', variance: '150.00', variancePct: '6.3', status: 'over', overAlready: false });
    expect(rows.staging).toMatchObject({ budget: '1500.00', monthToDate: '600', projected: '1200.00', variance: '-300.00', variancePct: '-20.0', status: 'under' });
    expect(rows.dev).toMatchObject({ budget: '300.00', monthToDate: '0', projected: '0.00', status: 'under' });
    expect(rows['(untagged)']).toMatchObject({ budget: null, monthToDate: '75', projected: '150.00', status: 'no budget' });
    expect(report.totals).toEqual({ budget: '4200.00', monthToDate: '1925', projected: '3900.00', ceForecast: null, variance: '-300.00', status: 'under' });
  });

  it('renders a table and exits 2 with --fail-on-over when an environment is over', async () => {
    const r = await runCli(['spend', 'budget', '--budget-file', budgetFile, '--as-of', '2026-11-16', '--fail-on-over', '--db', t.path]);
    expect(r.code).toBe(2);
    await expect(r.stdout).toMatchFileSnapshot('__golden__/budget-table.txt');
  });

  it('shows Cost Explorer GetCostForecast side by side (one request per environment plus the total)', async () => {
    loopback.requests.length = 0;
    const r = await runCli(['spend', 'budget', '--budget-file', budgetFile, '--as-of', '2026-11-16', '--ce-forecast', '--format', 'json', '--db', t.path], { env: env() });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.rows[0]).toMatchObject({ environment: 'prod', projected: '2550.00', ceForecast: '2530.50' });
    expect(report.rows[1]).toMatchObject({ environment: 'staging', ceForecast: '1210.00' });
    expect(report.totals.ceForecast).toBe('3915.50');
    expect(loopback.requests.map((q) => q.json)).toEqual([
      { TimePeriod: { Start: '2026-11-16', End: '2026-12-01' }, Metric: 'AMORTIZED_COST', Granularity: 'MONTHLY', PredictionIntervalLevel: 80, Filter: { Tags: { Key: 'env', Values: ['Production'], MatchOptions: ['EQUALS'] } } },
      { TimePeriod: { Start: '2026-11-16', End: '2026-12-01' }, Metric: 'AMORTIZED_COST', Granularity: 'MONTHLY', PredictionIntervalLevel: 80, Filter: { Tags: { Key: 'env', Values: ['staging'], MatchOptions: ['EQUALS'] } } },
      { TimePeriod: { Start: '2026-11-16', End: '2026-12-01' }, Metric: 'AMORTIZED_COST', Granularity: 'MONTHLY', PredictionIntervalLevel: 80, Filter: { Tags: { Key: 'env', Values: ['dev'], MatchOptions: ['EQUALS'] } } },
      { TimePeriod: { Start: '2026-11-16', End: '2026-12-01' }, Metric: 'AMORTIZED_COST', Granularity: 'MONTHLY', PredictionIntervalLevel: 80 },
    ]);
  });

  it('a saved estimate is a budget: EUR amounts converted to the USD bill at the rate saved with it', async () => {
    const saved = await runCli(['estimate', join(PROJECT_ROOT, 'examples/inventory.csv'), '--save', 'q3', '--db', t.path]);
    expect(saved.code).toBe(0);
    const shown = JSON.parse((await runCli(['budgets', 'show', 'q3', '--format', 'json', '--db', t.path])).stdout) as {
      usdToEur: string;
      environments: { name: string; monthlyCost: string }[];
    };
    const r = await runCli(['spend', 'budget', '--budget', 'q3', '--as-of', '2026-11-16', '--format', 'json', '--db', t.path]);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.budgetSource).toBe('saved estimate "q3"');
    expect(report.fx).toContain(`1 USD = ${shown.usdToEur} EUR`);
    const prodEur = shown.environments.find((e) => e.name === 'prod')?.monthlyCost ?? '';
    expect(report.rows[0]).toMatchObject({ environment: 'prod', budget: new Big(prodEur).div(new Big(shown.usdToEur)).round(2).toFixed(2) });
    expect(report.rows.map((row: { environment: string }) => row.environment)).toEqual(['prod', 'staging', 'dev', 'sandbox', 'Production', '(untagged)']);
  });

  it('says which options are missing or wrong', async () => {
    expect((await runCli(['spend', 'budget', '--db', t.path])).stderr).toContain('give exactly one of --budget-file FILE or --budget NAME');
    expect((await runCli(['spend', 'budget', '--budget', 'nope', '--db', t.path])).stderr).toContain('no saved estimate named "nope"');
    const nok = join(t.dir, 'nok.yaml');
    writeFileSync(nok, 'currency: NOK\nenvironments: { prod: 1 }\n');
    expect((await runCli(['spend', 'budget', '--budget-file', nok, '--as-of', '2026-11-16', '--db', t.path])).stderr).toContain(
      'the budget is in NOK but spend is in USD: no exchange rate between them (only USD ↔ EUR)',
    );
  });
});
