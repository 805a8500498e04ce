/**
 * Spot facts per region and type: Spot Instance Advisor savings % and interruption bucket, and SkyPilot's
 * per-AZ spot prices with placeholders dropped (a spot price equal to on-demand, or exactly 10 % of it, is
 * a filler in that file, not a market price). The representative price is the median of the remaining AZs.
 */
import type { SpotFacts } from '../../../src/catalog/types.js';
import { dec } from '../../../src/money/index.js';
import type { DatedSource } from './on-demand.js';
import { median } from './reserved-ratios.js';
import type { SkyPilotOffer } from './skypilot.js';
import type { AdvisorFacts } from './spot-advisor.js';
import { plainDecimal } from '../../../src/catalog/reserved-split.js';

export interface SpotOutcome {
  readonly spot: SpotFacts | undefined;
  readonly placeholdersDropped: number;
  /** Of which exactly 10 % of on-demand (the rest equal it). */
  readonly tenPercentPlaceholders: number;
}

/** Why a spot price is a placeholder ('on-demand': equal to it; 'ten-percent': exactly 10 % of it), or null. */
export function isPlaceholderSpot(spot: string, onDemand: string | undefined): 'on-demand' | 'ten-percent' | null {
  if (onDemand === undefined) return null;
  const s = dec(spot);
  const od = dec(onDemand);
  return s.eq(od) ? 'on-demand' : s.eq(od.times('0.1')) ? 'ten-percent' : null;
}

export function spotFor(
  advisor: AdvisorFacts | undefined,
  labels: readonly string[],
  advisorSource: DatedSource,
  offer: SkyPilotOffer | undefined,
  skypilotSource: DatedSource,
): SpotOutcome {
  let placeholdersDropped = 0;
  let tenPercentPlaceholders = 0;
  const zones: [string, string][] = [];
  for (const [zone, usd] of offer?.zones ?? []) {
    if (usd === undefined) continue;
    const placeholder = isPlaceholderSpot(usd, offer?.onDemand);
    if (placeholder === null) zones.push([zone, usd]);
    else {
      placeholdersDropped++;
      if (placeholder === 'ten-percent') tenPercentPlaceholders++;
    }
  }
  zones.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (!advisor && zones.length === 0) return { spot: undefined, placeholdersDropped, tenPercentPlaceholders };
  const spot: { -readonly [K in keyof SpotFacts]: SpotFacts[K] } = {};
  if (advisor) {
    spot.savingsPercent = advisor.savingsPercent;
    spot.interruptionBucket = { index: advisor.bucket, label: labels[advisor.bucket] ?? `bucket ${advisor.bucket}` };
    spot.advisorBasis = { kind: 'exact', source: advisorSource.id, asOf: advisorSource.asOf };
  }
  if (zones.length > 0) {
    spot.averageUsdPerHour = plainDecimal(median(zones.map(([, usd]) => dec(usd))));
    spot.priceBasis = {
      kind: 'estimate',
      source: skypilotSource.id,
      asOf: skypilotSource.asOf,
      method: `median of ${zones.length} availability-zone spot price${zones.length > 1 ? 's' : ''} seen when the catalog was generated (placeholders dropped); a point in time, not a 30-day average`,
    };
    spot.byZone = Object.fromEntries(zones);
  }
  return {
    spot,
    placeholdersDropped,
    tenPercentPlaceholders,
  };
}
