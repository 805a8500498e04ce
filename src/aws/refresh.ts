/**
 * `nuage catalog refresh`: one region's prices and facts from AWS — on-demand and reserved from the
 * Pricing API, instance facts and 30-day spot averages from the EC2 API, and the service prices of the
 * `--services` groups (Pricing API) — as one CatalogWrite. Nothing is written here; the caller stores
 * the result in one transaction.
 */
import { NotFoundError, UsageError } from '../errors.js';
import { EC2_API_SOURCE, LIVE_SOURCE_DESCRIPTIONS, PRICING_API_SOURCE } from '../catalog/live-sources.js';
import { spotAverages, type SpotAverage } from '../catalog/spot-average.js';
import type { Ec2Prices, PriceBasis } from '../catalog/types.js';
import type { CatalogWrite } from '../store/catalog-repo.js';
import { ec2Client, pricingClient, type AwsConnection } from './connection.js';
import { fetchInstanceTypes } from './instance-types.js';
import { fetchEc2Prices, type PricingResult } from './pricing.js';
import { fetchSpotHistory } from './spot-history.js';
import { SERVICE_GROUP_NAMES, serviceGroup, type ServiceGroupName } from '../catalog/offer/service-groups.js';
import { fetchServicePrices, type ServicePricingResult } from './service-pricing.js';

export const SPOT_WINDOW_DAYS = 30;

export interface RefreshOptions {
  readonly region: string;
  readonly instanceTypes?: readonly string[];
  readonly spot: boolean;
  readonly now: Date;
  /** Service-price groups to refresh (none: EC2 instances only). */
  readonly services?: readonly ServiceGroupName[];
}

export interface RefreshOutcome {
  readonly write: CatalogWrite;
  readonly pricing: PricingResult;
  readonly instanceTypes: number;
  readonly spot: readonly SpotAverage[];
  readonly spotPages: number;
  readonly services: ServicePricingResult;
}

/** The refresh-log scope: the --types list, and the service groups when not all of them. */
function logScope(opts: RefreshOptions): string | undefined {
  const parts: string[] = [];
  if (opts.instanceTypes) parts.push(opts.instanceTypes.join(','));
  const groups = opts.services ?? [];
  if (groups.length > 0 && groups.length < SERVICE_GROUP_NAMES.length) parts.push(`services ${groups.join(',')}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

export function checkRegion(region: string): void {
  if (!REGION.test(region)) throw new UsageError(`"${region}" is not an AWS region code (e.g. eu-west-3)`);
}

function spotBasis(a: SpotAverage, asOf: string): PriceBasis {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    kind: 'exact',
    source: EC2_API_SOURCE,
    asOf,
    method: `${SPOT_WINDOW_DAYS}-day time-weighted average of DescribeSpotPriceHistory (Linux/UNIX), ${day(a.from)} to ${day(a.to)}, ${a.samples} price changes in ${Object.keys(a.byZone).length} AZs; mean of the AZ averages`,
  };
}

export async function refreshRegion(conn: AwsConnection, opts: RefreshOptions): Promise<RefreshOutcome> {
  checkRegion(opts.region);
  const today = opts.now.toISOString().slice(0, 10);
  const pricing = pricingClient(conn);
  const ec2 = ec2Client(conn);
  try {
    const prices = await fetchEc2Prices(pricing, { region: opts.region, instanceTypes: opts.instanceTypes });
    if (prices.ec2Prices.length === 0) {
      throw new NotFoundError(
        `the Pricing API returned no Linux/shared-tenancy EC2 prices for ${opts.region}${opts.instanceTypes ? ` and ${opts.instanceTypes.join(', ')}` : ''} (${prices.products} products read): nothing stored`,
      );
    }
    let spotPages = 0;
    const specs = await fetchInstanceTypes(ec2, opts.instanceTypes);
    let averages: SpotAverage[] = [];
    if (opts.spot) {
      const history = await fetchSpotHistory(ec2, { now: opts.now, days: SPOT_WINDOW_DAYS, instanceTypes: opts.instanceTypes });
      spotPages = history.pages;
      averages = spotAverages(history.samples);
    }
    const services = await fetchServicePrices(pricing, opts.region, (opts.services ?? []).map(serviceGroup));
    // A group AWS returned no price for keeps what the store had (reported by the caller).
    const refreshed = services.groups.filter((g) => g.prices.length > 0);
    const byType = new Map<string, Ec2Prices>(prices.ec2Prices.map((p) => [p.instanceType, p]));
    for (const a of averages) {
      const spot = { averageUsdPerHour: a.averageUsdPerHour, byZone: a.byZone, priceBasis: spotBasis(a, today) };
      const cur = byType.get(a.instanceType);
      byType.set(a.instanceType, cur ? { ...cur, spot } : { region: opts.region, instanceType: a.instanceType, currency: 'USD', reserved: [], spot });
    }
    const write: CatalogWrite = {
      kind: 'refresh',
      origin: conn.endpoint ?? 'AWS',
      at: opts.now.toISOString(),
      regions: [opts.region],
      ...(opts.instanceTypes ? { instanceTypes: opts.instanceTypes } : {}),
      replace: {
        onDemand: [PRICING_API_SOURCE],
        reserved: [PRICING_API_SOURCE],
        ...(opts.spot ? { spot: [EC2_API_SOURCE] } : {}),
        ...(refreshed.length > 0 ? { services: [PRICING_API_SOURCE], serviceKeyPrefixes: refreshed.flatMap((g) => g.group.keyPrefixes) } : {}),
      },
      ...(logScope(opts) ? { logScope: logScope(opts) } : {}),
      sources: [
        { id: PRICING_API_SOURCE, description: LIVE_SOURCE_DESCRIPTIONS[PRICING_API_SOURCE]!, asOf: services.asOf > prices.asOf ? services.asOf : prices.asOf, origin: conn.endpoint ?? 'AWS Pricing API' },
        { id: EC2_API_SOURCE, description: LIVE_SOURCE_DESCRIPTIONS[EC2_API_SOURCE]!, asOf: today, origin: conn.endpoint ?? `EC2 API ${opts.region}` },
      ],
      specs: { specs, source: EC2_API_SOURCE, asOf: today },
      ec2Prices: [...byType.values()],
      servicePrices: refreshed.flatMap((g) => g.prices),
    };
    return { write, pricing: prices, instanceTypes: specs.length, spot: averages, spotPages, services };
  } finally {
    pricing.destroy();
    ec2.destroy();
  }
}
