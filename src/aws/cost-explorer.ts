/**
 * Cost Explorer through the real SDK v3 client: GetCostAndUsage (every page) and GetCostForecast.
 * Credentials: static keys from the caller's environment when present, else the SDK default chain
 * (AWS_PROFILE, ~/.aws, SSO, instance/container role). The endpoint override serves tests.
 * Cost Explorer is a global API served from us-east-1. Each request is billed by AWS.
 */
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  type Expression,
} from '@aws-sdk/client-cost-explorer';
import { AwsError, NuageError } from '../errors.js';
import { CE_METRICS, type CeResultByTime } from '../spend/cost-explorer.js';

export const COST_EXPLORER_REGION = 'us-east-1';

export interface CeConnection {
  readonly endpoint?: string;
  readonly credentials?:
    | { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string }
    | (() => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>);
  readonly profile?: string;
  readonly maxAttempts?: number;
}

/** Connection from an environment: static keys, profile, endpoint (AWS_ENDPOINT_URL_COST_EXPLORER / NUAGE_AWS_ENDPOINT). */
export function ceConnectionFromEnv(env: Readonly<Record<string, string | undefined>>, endpoint?: string): CeConnection {
  const url = endpoint ?? env.AWS_ENDPOINT_URL_COST_EXPLORER ?? env.NUAGE_AWS_ENDPOINT;
  const { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token } = env;
  return {
    ...(url ? { endpoint: url } : {}),
    ...(id && secret ? { credentials: { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}) } } : {}),
    ...(env.AWS_PROFILE ? { profile: env.AWS_PROFILE } : {}),
  };
}

export function costExplorerClient(conn: CeConnection): CostExplorerClient {
  return new CostExplorerClient({
    region: COST_EXPLORER_REGION,
    ...(conn.endpoint ? { endpoint: conn.endpoint } : {}),
    ...(conn.credentials ? { credentials: conn.credentials } : {}),
    ...(conn.profile ? { profile: conn.profile } : {}),
    ...(conn.maxAttempts ? { maxAttempts: conn.maxAttempts } : {}),
  });
}

export const MISSING_CREDENTIALS =
  'no AWS credentials found. Set AWS_PROFILE to a profile in ~/.aws/config (after `aws sso login` for SSO), or AWS_ACCESS_KEY_ID and ' +
  'AWS_SECRET_ACCESS_KEY, or run where an instance or container role is attached. The caller needs ce:GetCostAndUsage ' +
  '(and ce:GetCostForecast for forecasts). Offline instead: `nuage spend import <CUR or FOCUS files>`';

/** An SDK failure of `what` as an AwsError a person can act on. */
export function explainCeError(err: unknown, what: string): NuageError {
  if (err instanceof NuageError) return err;
  const e = err as Error & { $metadata?: { httpStatusCode?: number }; code?: string; cause?: { code?: string } };
  const name = e?.name ?? 'Error';
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(e?.message ?? '')) return new AwsError(`${what}: ${MISSING_CREDENTIALS}`);
  if (/AccessDenied|UnrecognizedClient|InvalidClientTokenId|ExpiredToken/.test(name)) {
    return new AwsError(`${what}: AWS refused the credentials (${name}: ${e.message}); the caller needs ce:GetCostAndUsage / ce:GetCostForecast`);
  }
  if (name === 'DataUnavailableException') return new AwsError(`${what}: Cost Explorer has no data for this period yet (${e.message})`);
  if (name === 'LimitExceededException') return new AwsError(`${what}: Cost Explorer rate limit reached; retry later (${e.message})`);
  const code = e?.code ?? e?.cause?.code;
  if (code && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN/.test(code)) return new AwsError(`${what}: cannot reach AWS (${code})`);
  const status = e?.$metadata?.httpStatusCode;
  return new AwsError(`${what} failed: ${name}${status ? ` (HTTP ${status})` : ''}: ${e?.message ?? String(err)}`);
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
      token = out.NextPageToken || undefined;
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
