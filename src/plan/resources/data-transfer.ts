/**
 * Data-transfer cost components, shared by the estimator's per-app traffic (and any resource that declares
 * traffic): internet egress by monthly tier, and transfer across availability zones.
 * - Internet egress (usage: internet_egress_gb): one component per tier (first 10 TB, next 40 TB, next 100 TB,
 *   over 150 TB; 1 TB = 1,024 GB), each billing the slice of the month's volume that falls in it.
 * - Inter-AZ (usage: inter_az_gb, the GB that cross a zone boundary): AWS bills 0.01 USD/GB out of the sending
 *   zone AND 0.01 USD/GB into the receiving zone, so each GB that crosses is billed twice (quantity × 2).
 */
import { INTERNET_EGRESS_TIERS_GB, interAzTransfer, internetEgress } from '../../catalog/service-keys.js';
import { dec } from '../../money/index.js';
import { service, type ComponentSpec } from '../components.js';
import { usageTierComponents } from './usage-tiers.js';

export function internetEgressComponents(region: string): ComponentSpec[] {
  return usageTierComponents({
    label: 'Internet egress',
    unit: 'GB',
    usageKey: 'internet_egress_gb',
    sizes: INTERNET_EGRESS_TIERS_GB,
    names: ['first 10 TB', 'next 40 TB', 'next 100 TB', 'over 150 TB'],
    price: (tier) => service(region, internetEgress(tier as 1 | 2 | 3 | 4)),
  });
}

export function interAzComponent(region: string): ComponentSpec {
  return {
    name: 'Inter-AZ transfer (billed out and in)',
    unit: 'GB',
    usageKey: 'inter_az_gb',
    usageMultiplier: dec(2),
    price: service(region, interAzTransfer()),
    note: 'each GB that crosses zones is billed in both directions',
  };
}
