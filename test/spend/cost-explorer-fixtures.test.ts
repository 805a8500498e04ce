/**
 * `spend pull` with the real Cost Explorer client against the loopback server (AWS JSON 1.1), on nuage's
 * own recorded-shape GetCostAndUsage exchanges (test/spend/fixtures/cost-explorer/, see its README):
 * runs on every machine, with or without ../shared.
 *
 * The fixture: 2026-11-01..03, grouped by SERVICE and the tag `env`; per day EC2 prod (RI-covered:
 * amortized below unblended), EC2 staging, RDS prod and untagged S3 (`env$`). Page 1 holds 11-01 and
 * half of 11-02, page 2 (NextPageToken) the rest of 11-02 and 11-03, Estimated (it is "today"). A later
 * request for 11-03 alone answers it final.
 */
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { costExplorerClient } from '../../src/aws/cost-explorer.js';
import { pullCostExplorer } from '../../src/ingest/pull-cost-explorer.js';
import { querySpendReports } from '../../src/store/spend-queries.js';
import { clientConfig, jsonError, startAwsLoopback, type AwsLoopback, type AwsRequest } from '../support/aws-loopback.js';
import { runCli } from '../support/cli.js';
import { tempStore, type TempStore } from './support/spend-store.js';

interface Exchange {
  note: string;
  request: { TimePeriod: { Start: string; End: string }; NextPageToken?: string };
  response: Record<string, unknown>;
}
const EXCHANGES = JSON.parse(readFileSync(new URL('./fixtures/cost-explorer/get-cost-and-usage.json', import.meta.url), 'utf8')) as Exchange[];

/** Answers a request with the recorded response of the same period and page token; anything else is an error. */
function recorded(req: AwsRequest) {
  const body = req.json as { TimePeriod: { Start: string; End: string }; NextPageToken?: string };
  const hit = EXCHANGES.find(
    (x) => x.request.TimePeriod.Start === body.TimePeriod.Start && x.request.TimePeriod.End === body.TimePeriod.End && x.request.NextPageToken === body.NextPageToken,
  );
  return hit ? { body: hit.response } : jsonError(400, 'ValidationException', `no recorded response for ${JSON.stringify(body.TimePeriod)} ${body.NextPageToken ?? ''}`);
}

const FIRST = new Date('2026-11-03T09:00:00Z');
const LATER = new Date('2026-11-05T09:00:00Z');
const PAGE_TOKEN = 'AAMA-EFRSURBSGJtbWJ3OTlNTmhhSFRmdnpkbDJXZG9NZk1IVEZwbmg3M3JR';

let loopback: AwsLoopback;
let t: TempStore;
beforeAll(async () => {
  loopback = await startAwsLoopback();
  loopback.on('GetCostAndUsage', recorded);
});
afterAll(() => loopback.close());
beforeEach(() => {
  t = tempStore();
  loopback.requests.length = 0;
});
afterEach(() => t.dispose());

const pull = (now: Date, refresh = false) =>
  pullCostExplorer(t.store, { client: costExplorerClient(clientConfig(loopback)), from: '2026-11-01', to: '2026-11-04', tagKey: 'env', refresh, now });
const report = (groupBy: 'env' | 'service', period: 'day' | 'month', basis: 'billed' | 'effective' = 'billed') =>
  querySpendReports(t.store, { groupBy, tagKey: 'env', period, basis, source: 'cost-explorer' });
const periods = (r: ReturnType<typeof report>) => r[0]!.rows;

describe('spend pull on own recorded Cost Explorer pages', () => {
  it('sends the documented request, follows NextPageToken, and stores each day × service × env exactly', async () => {
    const r = await pull(FIRST);
    expect(r).toEqual({ requestedDays: 3, fetchedDays: ['2026-11-01', '2026-11-02', '2026-11-03'], skippedDays: 0, estimatedDays: ['2026-11-03'], requests: 2, rows: 12, futureDays: 0 });
    const request = {
      TimePeriod: { Start: '2026-11-01', End: '2026-11-04' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost', 'AmortizedCost', 'UsageQuantity'],
      GroupBy: [
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'TAG', Key: 'env' },
      ],
    };
    expect(loopback.requests.map((q) => q.json)).toEqual([request, { ...request, NextPageToken: PAGE_TOKEN }]);
    expect(loopback.requests.map((q) => q.headers['x-amz-target'])).toEqual(['AWSInsightsIndexService.GetCostAndUsage', 'AWSInsightsIndexService.GetCostAndUsage']);

    // 2026-11-02 arrives in two halves (EC2 on page 1, RDS and S3 on page 2): one day of four groups, largest first.
    // prod = EC2 24.192 + RDS 8.64 = 32.832 (amortized 17.28 + 8.64 = 25.92); staging 5.376; `env$` → (untagged).
    const byEnv = report('env', 'day');
    expect(byEnv[0]!.currency).toBe('USD');
    expect(periods(byEnv).filter((x) => x.period === '2026-11-02')).toEqual([
      { env: 'prod', period: '2026-11-02', billedCost: '32.832', effectiveCost: '25.92', listCost: '0', records: 2 },
      { env: 'staging', period: '2026-11-02', billedCost: '5.376', effectiveCost: '5.376', listCost: '0', records: 1 },
      { env: '(untagged)', period: '2026-11-02', billedCost: '0.4307716352', effectiveCost: '0.4307716352', listCost: '0', records: 1 },
    ]);
    // 11-01: 24.192 + 5.376 + 8.64 + 0.4213370041 = 38.6293370041; 11-02: … + 0.4307716352 = 38.6387716352;
    // 11-03 (Estimated, half a day): 12.096 + 2.688 + 4.32 + 0.2101 = 19.3141.
    expect(byEnv[0]!.totals).toEqual({ billedCost: '96.5822086393', effectiveCost: '79.3022086393', listCost: '0', records: 12 });
  });

  it('a second pull requests only the Estimated day; a third makes no request at all', async () => {
    await pull(FIRST);
    loopback.requests.length = 0;
    const second = await pull(LATER);
    expect(second).toMatchObject({ requestedDays: 3, fetchedDays: ['2026-11-03'], skippedDays: 2, estimatedDays: [], requests: 1, rows: 4 });
    expect(loopback.requests.map((q) => q.json as { TimePeriod: unknown; NextPageToken?: string })).toMatchObject([{ TimePeriod: { Start: '2026-11-03', End: '2026-11-04' } }]);
    expect((loopback.requests[0]!.json as { NextPageToken?: string }).NextPageToken).toBeUndefined();

    // 11-03 final: 24.192 + 5.376 + 8.64 + 0.4254 = 38.6334, replacing the estimate (no double count).
    // month by service: EC2 3 × (24.192 + 5.376) = 88.704 (amortized 3 × (17.28 + 5.376) = 67.968); RDS 3 × 8.64; S3 the three days.
    const byService = report('service', 'month', 'effective');
    expect(periods(byService)).toEqual([
      { service: 'Amazon Elastic Compute Cloud - Compute', period: '2026-11', billedCost: '88.704', effectiveCost: '67.968', listCost: '0', records: 6 },
      { service: 'Amazon Relational Database Service', period: '2026-11', billedCost: '25.92', effectiveCost: '25.92', listCost: '0', records: 3 },
      { service: 'Amazon Simple Storage Service', period: '2026-11', billedCost: '1.2775086393', effectiveCost: '1.2775086393', listCost: '0', records: 3 },
    ]);
    expect(byService[0]!.totals).toEqual({ billedCost: '115.9015086393', effectiveCost: '95.1655086393', listCost: '0', records: 12 });

    loopback.requests.length = 0;
    const third = await pull(LATER);
    expect(third).toMatchObject({ requestedDays: 3, fetchedDays: [], skippedDays: 3, estimatedDays: [], requests: 0, rows: 0 });
    expect(loopback.requests).toEqual([]);
    expect(report('env', 'month')[0]!.totals).toEqual({ billedCost: '115.9015086393', effectiveCost: '95.1655086393', listCost: '0', records: 12 });
  });

  it('days after today are not requested', async () => {
    const r = await pullCostExplorer(t.store, { client: costExplorerClient(clientConfig(loopback)), from: '2026-11-01', to: '2026-11-10', tagKey: 'env', refresh: false, now: FIRST });
    expect(r).toMatchObject({ requestedDays: 3, futureDays: 6, requests: 2 });
    expect((loopback.requests[0]!.json as { TimePeriod: unknown }).TimePeriod).toEqual({ Start: '2026-11-01', End: '2026-11-04' });
  });

  it('the CLI pulls through the endpoint override and reports by env', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'x', AWS_ENDPOINT_URL_COST_EXPLORER: loopback.url };
    const args = ['spend', 'pull', '--from', '2026-11-01', '--to', '2026-11-04', '--tag-key', 'env', '--db', t.path];
    const first = await runCli(args, { env, now: FIRST });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('3 days, 3 fetched in 2 requests, 0 already stored (no request), 12 rows stored.');
    const second = await runCli([...args, '--format', 'json'], { env, now: LATER });
    expect(JSON.parse(second.stdout)).toMatchObject({ requests: 1, fetchedDays: ['2026-11-03'], skippedDays: 2 });
    const out = await runCli(['spend', 'report', '--group-by', 'env', '--tag-key', 'env', '--period', 'month', '--format', 'json', '--db', t.path]);
    const json = JSON.parse(out.stdout) as { rows: { env: string; billedCost: string }[] };
    // Largest first: prod 3 × 32.832; staging 3 × 5.376; untagged the three S3 days.
    expect(json.rows.map((x) => [x.env, x.billedCost])).toEqual([
      ['prod', '98.496'],
      ['staging', '16.128'],
      ['(untagged)', '1.2775086393'],
    ]);
  });
});

describe('Cost Explorer failures (loopback)', () => {
  it('an AWS refusal is explained and nothing is stored', async () => {
    const lb = await startAwsLoopback();
    lb.on('GetCostAndUsage', () => jsonError(400, 'AccessDeniedException', 'User is not authorized to perform: ce:GetCostAndUsage'));
    try {
      const client = costExplorerClient(clientConfig(lb));
      await expect(pullCostExplorer(t.store, { client, from: '2026-11-01', to: '2026-11-02', tagKey: 'env', refresh: false, now: FIRST })).rejects.toThrow(
        /^GetCostAndUsage 2026-11-01..2026-11-02: AWS refused the credentials \(AccessDeniedException.*Pulls need ce:GetCostAndUsage/,
      );
      expect(t.store.sqlite.prepare('SELECT count(*) AS n FROM spend_scope').get()).toEqual({ n: 0 });
    } finally {
      await lb.close();
    }
  });

  it('a failure on page 2 stores nothing of page 1', async () => {
    const lb = await startAwsLoopback();
    lb.on('GetCostAndUsage', (req) => ((req.json as { NextPageToken?: string }).NextPageToken ? jsonError(400, 'LimitExceededException', 'Rate exceeded') : recorded(req)));
    try {
      const client = costExplorerClient(clientConfig(lb));
      await expect(pullCostExplorer(t.store, { client, from: '2026-11-01', to: '2026-11-04', tagKey: 'env', refresh: false, now: FIRST })).rejects.toThrow(
        'GetCostAndUsage 2026-11-01..2026-11-04 page 2: Cost Explorer rate limit reached; retry later (Rate exceeded)',
      );
      expect(lb.requests).toHaveLength(2);
      expect(t.store.sqlite.prepare('SELECT count(*) AS n FROM spend_scope').get()).toEqual({ n: 0 });
    } finally {
      await lb.close();
    }
  });

  it('missing credentials give a plain message and send nothing', async () => {
    const client = new CostExplorerClient({
      region: 'us-east-1',
      endpoint: loopback.url,
      credentials: async () => {
        const e = new Error('Could not load credentials from any providers');
        e.name = 'CredentialsProviderError';
        throw e;
      },
    });
    await expect(pullCostExplorer(t.store, { client, from: '2026-11-01', to: '2026-11-02', tagKey: 'env', refresh: false, now: FIRST })).rejects.toThrow(
      /GetCostAndUsage 2026-11-01..2026-11-02: no AWS credentials found\. Set AWS_PROFILE.*Offline instead: `nuage spend import <CUR or FOCUS files>`/,
    );
    expect(loopback.requests).toEqual([]);
  });
});
