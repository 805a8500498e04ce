/**
 * Spot prices from `DescribeSpotPriceHistory` (Linux/UNIX, the last `days` days, every page) →
 * 30-day time-weighted averages per type and AZ (src/catalog/spot-average.ts).
 */
import { DescribeSpotPriceHistoryCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { InputError } from '../errors.js';
import { isDecimalString } from '../money/index.js';
import type { SpotSample } from '../catalog/spot-average.js';
import { call, nextToken } from './connection.js';

export interface SpotHistoryQuery {
  readonly now: Date;
  readonly days: number;
  readonly instanceTypes?: readonly string[];
}

export async function fetchSpotHistory(client: EC2Client, q: SpotHistoryQuery): Promise<{ samples: SpotSample[]; pages: number }> {
  const start = new Date(q.now.getTime() - q.days * 86_400_000);
  const samples: SpotSample[] = [];
  let token: string | undefined;
  let page = 0;
  do {
    page++;
    const file = `DescribeSpotPriceHistory page ${page}`;
    const out = await call(file, () =>
      client.send(
        new DescribeSpotPriceHistoryCommand({
          StartTime: start,
          EndTime: q.now,
          ProductDescriptions: ['Linux/UNIX'],
          ...(q.instanceTypes && q.instanceTypes.length > 0 ? { InstanceTypes: [...q.instanceTypes] as never } : {}),
          MaxResults: 1000,
          NextToken: token,
        }),
      ),
    );
    (out.SpotPriceHistory ?? []).forEach((h, i) => {
      const where = (f: string) => ({ file, row: i + 1, field: `SpotPriceHistory[${i}].${f}` });
      if (h.ProductDescription !== undefined && h.ProductDescription !== 'Linux/UNIX') return;
      if (!h.InstanceType) throw new InputError(where('InstanceType'), 'missing');
      if (!h.AvailabilityZone) throw new InputError(where('AvailabilityZone'), 'missing');
      if (!h.SpotPrice || !isDecimalString(h.SpotPrice)) throw new InputError(where('SpotPrice'), `expected a decimal price, got "${h.SpotPrice ?? ''}"`);
      const at = h.Timestamp instanceof Date ? h.Timestamp.getTime() : NaN;
      if (Number.isNaN(at)) throw new InputError(where('Timestamp'), 'missing or not a date');
      samples.push({ instanceType: h.InstanceType, zone: h.AvailabilityZone, usdPerHour: h.SpotPrice, at });
    });
    token = nextToken(token, out.NextToken, file);
  } while (token);
  return { samples, pages: page };
}
