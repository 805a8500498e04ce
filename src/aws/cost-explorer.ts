/**
 * Cost Explorer through the real SDK v3 client: GetCostAndUsage (every page) and GetCostForecast.
 * Connection and error explanations are the shared ones (connection.ts): static keys from the
 * caller's environment, else the SDK default chain. Cost Explorer is a global API served from
 * us-east-1. Each request is billed by AWS.
 */
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  type Expression,
} from '@aws-sdk/client-cost-explorer';
import { AwsError, type NuageError } from '../errors.js';
import { baseConfig, connectionFromEnv, explainAwsError, nextToken, type AwsConnection, type AwsHints } from './connection.js';
import { CE_METRICS, type CeResultByTime } from '../spend/cost-explorer.js';

export const COST_EXPLORER_REGION = 'us-east-1';

export const COST_EXPLORER_HINTS: AwsHints = {
  permissions: 'Pulls need ce:GetCostAndUsage (and ce:GetCostForecast for --ce-forecast).',
  offline: 'Offline instead: `nuage spend import <CUR or FOCUS files>`.',
};

/** Connection from an environment; the endpoint also comes from AWS_ENDPOINT_URL_COST_EXPLORER. */
export function ceConnectionFromEnv(env: Readonly<Record<string, string | undefined>>, endpoint?: string): AwsConnection {
  return connectionFromEnv(env, COST_EXPLORER_REGION, endpoint ?? env.AWS_ENDPOINT_URL_COST_EXPLORER);
}

export function costExplorerClient(conn: AwsConnection): CostExplorerClient {
  return new CostExplorerClient(baseConfig(conn, COST_EXPLORER_REGION));
}

/** An SDK failure of `what` as an AwsError a person can act on. */
export function explainCeError(err: unknown, what: string): NuageError {
  const name = (err as Error)?.name;
  if (name === 'DataUnavailableException') return new AwsError(`${what}: Cost Explorer has no data for this period yet (${(err as Error).message})`);
  if (name === 'LimitExceededException') return new AwsError(`${what}: Cost Explorer rate limit reached; retry later (${(err as Error).message})`);
  return explainAwsError(err, what, COST_EXPLORER_HINTS);
}

export interface CostAndUsagePages {
  readonly results: CeResultByTime[];
  /** Requests sent (pages). */
  readonly requests: number;
}

/** GetCostAndUsage DAILY for [start, end), grouped by SERVICE and TAG `tagKey`, following NextPageToken. */
export async function fetchCostAndUsage(client: CostExplorerClient, range: { start: string; end: string }, tagKey: string): Promise<CostAndUsagePages> {
  const results: CeResultByTime[] = [];
  let token: string | undefined;
  let requests = 0;
  do {
    const what = `GetCostAndUsage ${range.start}..${range.end}${requests > 0 ? ` page ${requests + 1}` : ''}`;
    try {
      const out = await client.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: range.start, End: range.end },
          Granularity: 'DAILY',
          Metrics: [...CE_METRICS],
          GroupBy: [
            { Type: 'DIMENSION', Key: 'SERVICE' },
            { Type: 'TAG', Key: tagKey },
          ],
          ...(token ? { NextPageToken: token } : {}),
        }),
      );
      requests++;
      results.push(...((out.ResultsByTime ?? []) as CeResultByTime[]));
      token = nextToken(token, out.NextPageToken, what);
    } catch (err) {
      throw explainCeError(err, what);
    }
  } while (token);
  return { results, requests };
}

export interface CeForecast {
  /** Forecast amount for [start, end), exact decimal text. */
  readonly amount: string;
  readonly currency: string;
  readonly lower?: string;
  readonly upper?: string;
}

/** GetCostForecast MONTHLY for [start, end) (start ≥ today), optionally for one tag value. */
export async function fetchCostForecast(
  client: CostExplorerClient,
  q: { start: string; end: string; basis: 'billed' | 'effective'; tag?: { key: string; values: readonly string[] } },
): Promise<CeForecast> {
  const filter: Expression | undefined = q.tag ? { Tags: { Key: q.tag.key, Values: [...q.tag.values], MatchOptions: ['EQUALS'] } } : undefined;
  const what = `GetCostForecast ${q.start}..${q.end}${q.tag ? ` ${q.tag.key}=${q.tag.values.join('|')}` : ''}`;
  try {
    const out = await client.send(
      new GetCostForecastCommand({
        TimePeriod: { Start: q.start, End: q.end },
        Metric: q.basis === 'billed' ? 'UNBLENDED_COST' : 'AMORTIZED_COST',
        Granularity: 'MONTHLY',
        PredictionIntervalLevel: 80,
        ...(filter ? { Filter: filter } : {}),
      }),
    );
    if (out.Total?.Amount === undefined) throw new AwsError(`${what}: response without Total.Amount`);
    const intervals = out.ForecastResultsByTime ?? [];
    const lower = intervals.length === 1 ? intervals[0]?.PredictionIntervalLowerBound : undefined;
    const upper = intervals.length === 1 ? intervals[0]?.PredictionIntervalUpperBound : undefined;
    return { amount: out.Total.Amount, currency: out.Total.Unit ?? 'USD', ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
  } catch (err) {
    throw explainCeError(err, what);
  }
}
