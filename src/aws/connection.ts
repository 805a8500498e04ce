/**
 * AWS SDK v3 clients for nuage, and AWS failures explained plainly. Credentials come from the
 * standard chain (AWS_PROFILE / ~/.aws, AWS_ACCESS_KEY_ID…, SSO, instance or container role) unless
 * the caller's environment carries static keys. The endpoint override serves tests and emulators.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { PricingClient } from '@aws-sdk/client-pricing';
import { AwsError, NuageError } from '../errors.js';

/** The Pricing API answers only in a few regions; us-east-1 serves every region's prices. */
export const PRICING_API_REGION = 'us-east-1';

export interface AwsConnection {
  /** Region of the EC2 API calls (the region being refreshed). */
  readonly region: string;
  /** Endpoint URL override for every client (tests, emulators). */
  readonly endpoint?: string;
  /** Static credentials; when absent, the SDK's default provider chain. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** Named profile (AWS_PROFILE) for the default chain. */
  readonly profile?: string;
  /** Retries per call (SDK default 3). */
  readonly maxAttempts?: number;
}

/** Builds the connection from an environment (flags take precedence in the caller). */
export function connectionFromEnv(env: Readonly<Record<string, string | undefined>>, region: string, endpoint?: string): AwsConnection {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  const url = endpoint ?? env.NUAGE_AWS_ENDPOINT;
  return {
    region,
    ...(url ? { endpoint: url } : {}),
    ...(accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) } }
      : {}),
    ...(env.AWS_PROFILE ? { profile: env.AWS_PROFILE } : {}),
  };
}

/**
 * The SDK's documented switch (aws/aws-sdk-js-v3#7983) for its "NodeVersionSupportWarning", printed on
 * Node 20 when a client is created: Node 20 is nuage's supported runtime, so the warning is noise on
 * every refresh or pull. Set before any client exists; a value the user set is kept.
 */
export const SDK_NODE_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

function quietNodeVersionWarning(): void {
  process.env[SDK_NODE_WARNING_SWITCH] ??= 'true';
}

/** SDK client configuration of a connection for `region` (any client). */
export function baseConfig(conn: AwsConnection, region: string) {
  quietNodeVersionWarning();
  return {
    region,
    ...(conn.endpoint ? { endpoint: conn.endpoint } : {}),
    ...(conn.credentials ? { credentials: conn.credentials } : {}),
    ...(conn.profile ? { profile: conn.profile } : {}),
    ...(conn.maxAttempts ? { maxAttempts: conn.maxAttempts } : {}),
  };
}

export function pricingClient(conn: AwsConnection): PricingClient {
  return new PricingClient(baseConfig(conn, PRICING_API_REGION));
}

export function ec2Client(conn: AwsConnection): EC2Client {
  return new EC2Client(baseConfig(conn, conn.region));
}

const NO_CREDENTIALS =
  'no AWS credentials found. Set AWS_PROFILE to a profile in ~/.aws/config or ~/.aws/credentials (after `aws sso login` for SSO), ' +
  'or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary keys), or run where an instance or container role is attached.';

export const MISSING_CREDENTIALS = `${NO_CREDENTIALS} Working offline instead: \`nuage catalog import <AmazonEC2 offer file>\``;

/** What to tell a person about a caller's needs: the IAM actions, and how to work without AWS. */
export interface AwsHints {
  readonly permissions: string;
  readonly offline: string;
}

/** The catalog refresh's hints (the default). */
export const CATALOG_HINTS: AwsHints = {
  permissions: 'The refresh needs pricing:GetProducts, ec2:DescribeInstanceTypes and ec2:DescribeSpotPriceHistory.',
  offline: 'Working offline instead: `nuage catalog import <AmazonEC2 offer file>`',
};

/** Turns an SDK failure of `what` ("GetProducts page 2") into an AwsError a person can act on. */
export function explainAwsError(err: unknown, what: string, hints: AwsHints = CATALOG_HINTS): NuageError {
  if (err instanceof NuageError) return err;
  const e = err as Error & { code?: string; $metadata?: { httpStatusCode?: number }; $fault?: string };
  const name = e?.name ?? 'Error';
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(e?.message ?? '')) {
    return new AwsError(`${what}: ${NO_CREDENTIALS} ${hints.offline} (AWS SDK: ${e.message})`);
  }
  if (/AccessDenied|UnauthorizedOperation|UnrecognizedClient|InvalidClientTokenId|AuthFailure|ExpiredToken/.test(name)) {
    return new AwsError(`${what}: AWS refused the credentials (${name}: ${e.message}). ${hints.permissions}`);
  }
  const code = e?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
  if (code && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN/.test(code)) {
    return new AwsError(`${what}: cannot reach AWS (${code}): ${e.message}`);
  }
  if (e?.$metadata !== undefined) {
    return new AwsError(`${what} failed: ${name}${e.$metadata.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''}: ${e.message}`);
  }
  return new AwsError(`${what} failed: unreadable response or client error: ${name}: ${e?.message ?? String(err)}`);
}

/** Sends through `fn`, translating failures. */
export async function call<T>(what: string, fn: () => Promise<T>, hints?: AwsHints): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw explainAwsError(err, what, hints);
  }
}

/** The next page token; fails when AWS hands back the token just used (a loop that would never end). */
export function nextToken(used: string | undefined, next: string | undefined, what: string): string | undefined {
  if (!next) return undefined;
  if (next === used) throw new AwsError(`${what}: the response repeats the NextToken of its request; stopping instead of looping`);
  return next;
}
