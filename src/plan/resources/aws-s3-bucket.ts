/**
 * aws_s3_bucket: S3 Standard storage by monthly tier (usage: storage_gb; first 50 TB, next 450 TB, over 500 TB,
 * 1 TB = 1,024 GB) and requests (usage: monthly_tier1_requests_millions for PUT, COPY, POST, LIST;
 * monthly_tier2_requests_millions for GET and all other). Other storage classes are not priced.
 */
import { S3_STORAGE_TIERS_GB, s3Requests, s3StandardStorage } from '../../catalog/service-keys.js';
import { service, type ComponentSpec } from '../components.js';
import type { ResourceModel } from '../resource-model.js';
import { usageTierComponents } from './usage-tiers.js';

/** The S3 Standard storage tiers as usage slices of `storage_gb`. */
export function s3StorageTiers(region: string): ComponentSpec[] {
  return usageTierComponents({
    label: 'Standard storage',
    unit: 'GB-months',
    usageKey: 'storage_gb',
    sizes: S3_STORAGE_TIERS_GB,
    names: ['first 50 TB', 'next 450 TB', 'over 500 TB'],
    price: (tier) => service(region, s3StandardStorage(tier as 1 | 2 | 3)),
  });
}

/** A bucket's components depend only on its region: declared once per region (specs are never mutated). */
const byRegion = new Map<string, readonly ComponentSpec[]>();

export const awsS3Bucket: ResourceModel = {
  types: ['aws_s3_bucket'],
  components: ({ region }) => {
    let specs = byRegion.get(region);
    if (!specs) {
      specs = [
        ...s3StorageTiers(region),
        { name: 'PUT, COPY, POST, LIST requests', unit: 'million requests', usageKey: 'monthly_tier1_requests_millions', price: service(region, s3Requests(1)) },
        { name: 'GET and other requests', unit: 'million requests', usageKey: 'monthly_tier2_requests_millions', price: service(region, s3Requests(2)) },
      ];
      byRegion.set(region, specs);
    }
    return [...specs];
  },
};
