/**
 * Cost Explorer pulls with the real SDK client against the loopback server (AWS JSON 1.1). Daily responses
 * are built from the recorded aws-cli example (read in place: S3 grouped by the Environment tag,
 * "Environment$" = untagged; skipped when ../shared is absent), extended with pages written here in the
 * same shape: two days per page (NextPageToken), an AmortizedCost metric next to the recorded ones, and
 * days marked Estimated. The same edges on nuage's own recorded pages, and the failure cases, run always
 * in cost-explorer-fixtures.test.ts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { costExplorerClient } from '../../src/aws/cost-explorer.js';
import { pullCostExplorer } from '../../src/ingest/pull-cost-explorer.js';
import { dayRanges, daysToFetch, mapCostAndUsage } from '../../src/spend/cost-explorer.js';
import { querySpendReports } from '../../src/store/spend-queries.js';
import { clientConfig, startAwsLoopback, type AwsLoopback, type AwsRequest } from '../support/aws-loopback.js';
import { runCli } from '../support/cli.js';
import { corpusPath, haveCorpus } from '../support/corpora.js';
import { tempStore, type TempStore } from './support/spend-store.js';

const RECORDED = corpusPath('cost_explorer_api/aws_cli_examples/extracted_json/ce__get-cost-and-usage__1.json');
const now = new Date('2017-09-10T08:00:00Z');

interface Recorded {
  ResultsByTime: { Groups: { Keys: string[]; Metrics: Record<string, { Amount: string; Unit: string }> }[] }[];
}

describe('Cost Explorer mapping (pure)', () => {
  it('splits Key$Value tag groups, keeps amounts exact, treats an empty value as untagged', () => {
    const days = mapCostAndUsage(
      [
        {
          TimePeriod: { Start: '2026-11-02', End: '2026-11-03' },
          Estimated: true,
          Groups: [
            { Keys: ['Amazon EC2', 'env$prod'], Metrics: { UnblendedCost: { Amount: '10.1234567891', Unit: 'USD' }, AmortizedCost: { Amount: '9.5', Unit: 'USD' } } },
            { Keys: ['Amazon EC2', 'env$'], Metrics: { UnblendedCost: { Amount: '0.5', Unit: 'USD' } } },
          ],
        },
      ],
      'env',
    );
    const day = days.get('2026-11-02');
    expect(day?.estimated).toBe(true);
    expect(day?.records.map((r) => [r.record.BilledCost, r.record.EffectiveCost, r.record.Tags])).toEqual([
      ['10.1234567891', '9.5', { env: 'prod' }],
      ['0.5', null, {}],
    ]);
  });

  it('fetches only missing, estimated or differently grouped days, as contiguous ranges', () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'];
    const stored = [
      { day: '2026-11-01', estimated: false, tagKey: 'env' },
      { day: '2026-11-02', estimated: true, tagKey: 'env' },
      { day: '2026-11-04', estimated: false, tagKey: 'team' },
    ];
    expect(daysToFetch(days, stored, 'env', false)).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
    expect(daysToFetch(days, stored, 'env', true)).toEqual(days);
    expect(dayRanges(['2026-11-02', '2026-11-03', '2026-11-05'])).toEqual([
      { start: '2026-11-02', end: '2026-11-04' },
      { start: '2026-11-05', end: '2026-11-06' },
    ]);
  });
});

describe.skipIf(!haveCorpus(RECORDED, 'Cost Explorer recorded response'))('spend pull against the loopback', () => {
  let loopback: AwsLoopback;
  let t: TempStore;
  const estimated = new Set<string>();
  const recorded = (): Recorded => JSON.parse(readFileSync(RECORDED, 'utf8')) as Recorded;

  /** Every day of the request, two days per page; groups as recorded plus AmortizedCost. */
  const handler = (req: AwsRequest) => {
    const body = req.json as { TimePeriod: { Start: string; End: string }; NextPageToken?: string; Granularity: string };
    const groups = recorded().ResultsByTime[0]?.Groups ?? [];
    const days: string[] = [];
    for (let d = body.TimePeriod.Start; d < body.TimePeriod.End; d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10)) days.push(d);
    const start = body.NextPageToken ? Number(Buffer.from(body.NextPageToken, 'base64').toString()) : 0;
    const page = days.slice(start, start + 2);
    return {
      body: {
        GroupDefinitions: [
          { Type: 'DIMENSION', Key: 'SERVICE' },
          { Type: 'TAG', Key: 'Environment' },
        ],
        ResultsByTime: page.map((day) => ({
          Estimated: estimated.has(day),
          TimePeriod: { Start: day, End: new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10) },
          Total: {},
          Groups: groups.map((g) => ({ Keys: g.Keys, Metrics: { ...g.Metrics, AmortizedCost: g.Metrics.UnblendedCost } })),
        })),
        ...(start + 2 < days.length ? { NextPageToken: Buffer.from(String(start + 2)).toString('base64') } : {}),
      },
    };
  };

  beforeAll(async () => {
    loopback = await startAwsLoopback();
    loopback.on('GetCostAndUsage', handler);
  });
  afterAll(() => loopback.close());
  beforeEach(() => {
    t = tempStore();
    loopback.requests.length = 0;
    estimated.clear();
  });
  afterEach(() => t.dispose());

  const pull = (from: string, to: string, refresh = false) =>
    pullCostExplorer(t.store, { client: costExplorerClient(clientConfig(loopback)), from, to, tagKey: 'Environment', refresh, now });

  it('pages through NextPageToken, stores each day exactly, and sends the documented request', async () => {
    estimated.add('2017-09-05');
    const r = await pull('2017-09-01', '2017-09-06');
    expect(r).toMatchObject({ requestedDays: 5, skippedDays: 0, requests: 3, rows: 10, estimatedDays: ['2017-09-05'] });
    const first = loopback.requests[0]?.json;
    expect(first).toEqual({
      TimePeriod: { Start: '2017-09-01', End: '2017-09-06' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost', 'AmortizedCost', 'UsageQuantity'],
      GroupBy: [
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'TAG', Key: 'Environment' },
      ],
    });
    // Days 3–4 then day 5 (two days per page): the tokens the handler handed out.
    expect(loopback.requests.map((q) => (q.json as { NextPageToken?: string }).NextPageToken)).toEqual([undefined, Buffer.from('2').toString('base64'), Buffer.from('4').toString('base64')]);
    const [report] = querySpendReports(t.store, { groupBy: 'env', tagKey: 'Environment', period: 'day', basis: 'billed', source: 'cost-explorer' });
    expect(report?.currency).toBe('USD');
    // Recorded amounts: untagged 40.3543773134 and Dev 0.2682364644 per day, over 5 days.
    expect(report?.rows.filter((r) => r.period === '2017-09-01')).toEqual([
      { env: '(untagged)', period: '2017-09-01', billedCost: '40.3543773134', effectiveCost: '40.3543773134', listCost: '0', records: 1 },
      { env: 'Dev', period: '2017-09-01', billedCost: '0.2682364644', effectiveCost: '0.2682364644', listCost: '0', records: 1 },
    ]);
    expect(report?.totals.billedCost).toBe('203.113068889');
  });

  it('a second pull makes no request for stored final days and refetches the Estimated one', async () => {
    estimated.add('2017-09-05');
    await pull('2017-09-01', '2017-09-06');
    loopback.requests.length = 0;
    estimated.clear();
    const second = await pull('2017-09-01', '2017-09-06');
    expect(second).toMatchObject({ requests: 1, fetchedDays: ['2017-09-05'], skippedDays: 4, estimatedDays: [] });
    expect(loopback.requests.map((r) => (r.json as { TimePeriod: unknown }).TimePeriod)).toEqual([{ Start: '2017-09-05', End: '2017-09-06' }]);
    loopback.requests.length = 0;
    const third = await pull('2017-09-01', '2017-09-06');
    expect(third).toMatchObject({ requests: 0, fetchedDays: [], skippedDays: 5 });
    expect(loopback.requests).toEqual([]);
    const [report] = querySpendReports(t.store, { groupBy: 'service', period: 'month', basis: 'billed', source: 'cost-explorer' });
    expect(report?.totals).toMatchObject({ billedCost: '203.113068889', records: 10 });
  });

  it('--refresh requests every day again and replaces them (no double count); days after today are not requested', async () => {
    await pull('2017-09-01', '2017-09-04');
    loopback.requests.length = 0;
    const r = await pull('2017-09-01', '2017-09-14', true);
    expect(r).toMatchObject({ requestedDays: 10, futureDays: 3, requests: 5 });
    const [report] = querySpendReports(t.store, { groupBy: 'service', period: 'month', basis: 'billed', source: 'cost-explorer' });
    expect(report?.totals.records).toBe(20);
  });

  it('the CLI pulls through the endpoint override, then a second run sends nothing', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'x', AWS_ENDPOINT_URL_COST_EXPLORER: loopback.url };
    const args = ['spend', 'pull', '--from', '2017-09-01', '--to', '2017-09-03', '--tag-key', 'Environment', '--db', t.path];
    const first = await runCli(args, { env, now });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('2 days, 2 fetched in 1 request, 0 already stored (no request), 4 rows stored.');
    const count = loopback.requests.length;
    const second = await runCli([...args, '--format', 'json'], { env, now });
    expect(JSON.parse(second.stdout)).toMatchObject({ requests: 0, skippedDays: 2, fetchedDays: [] });
    expect(loopback.requests.length).toBe(count);
    const report = await runCli(['spend', 'report', '--group-by', 'env', '--tag-key', 'Environment', '--format', 'json', '--db', t.path]);
    expect(JSON.parse(report.stdout).totals).toEqual({ billedCost: '81.2452275556', effectiveCost: '81.2452275556', listCost: '0', records: 4 });
  });
});
