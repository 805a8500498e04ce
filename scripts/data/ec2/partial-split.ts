/**
 * How AWS splits a partial-upfront reservation between upfront fee and hourly charge, measured on a real
 * Pricing API product (GetProducts wire shape): upfront ÷ (effective hourly × term hours) for each
 * partial-upfront offer. The ec2instances-2018 file gives only effective hourly rates, so the snapshot
 * splits them with the share measured here (rounded to 0.5) and says so in the split basis.
 */
import { InputError } from '../../../src/errors.js';
import { termHours, type ReservedTerm } from '../../../src/catalog/types.js';
import { dec, type Decimal } from '../../../src/money/index.js';
import type { PartialSplit } from '../../../src/catalog/reserved-split.js';
import { parseJson } from './table.js';

export interface PartialSplitEvidence {
  readonly instanceType: string;
  readonly location: string;
  /** publicationDate of the product, YYYY-MM-DD. */
  readonly asOf: string;
  /** Upfront share of the term cost for each partial-upfront offer. */
  readonly upfrontShares: readonly Decimal[];
}

interface Dimension {
  unit?: string;
  pricePerUnit?: { USD?: string };
}
interface Offer {
  termAttributes?: { LeaseContractLength?: string; PurchaseOption?: string };
  priceDimensions?: Record<string, Dimension>;
}

export function readPartialSplit(text: string, file: string): PartialSplitEvidence {
  const doc = parseJson(text, file) as {
    product?: { attributes?: { instanceType?: string; location?: string } };
    publicationDate?: string;
    terms?: { Reserved?: Record<string, Offer> };
  };
  const reserved = doc.terms?.Reserved;
  if (!reserved) throw new InputError({ file, field: 'terms.Reserved' }, 'expected reserved offers');
  const shares: Decimal[] = [];
  for (const [code, offer] of Object.entries(reserved)) {
    if (offer.termAttributes?.PurchaseOption !== 'Partial Upfront') continue;
    const term = offer.termAttributes.LeaseContractLength as ReservedTerm;
    if (term !== '1yr' && term !== '3yr') throw new InputError({ file, field: `terms.Reserved.${code}.termAttributes.LeaseContractLength` }, `expected 1yr or 3yr, found ${JSON.stringify(term)}`);
    let upfront = dec(0);
    let hourly = dec(0);
    for (const [dim, d] of Object.entries(offer.priceDimensions ?? {})) {
      const usd = d.pricePerUnit?.USD;
      if (usd === undefined) throw new InputError({ file, field: `terms.Reserved.${code}.priceDimensions.${dim}.pricePerUnit.USD` }, 'is missing');
      if (d.unit === 'Quantity') upfront = dec(usd);
      else hourly = dec(usd);
    }
    const total = upfront.plus(hourly.times(termHours(term)));
    shares.push(upfront.div(total));
  }
  if (shares.length === 0) throw new InputError({ file, field: 'terms.Reserved' }, 'no partial-upfront offer to measure');
  return {
    instanceType: doc.product?.attributes?.instanceType ?? 'unknown',
    location: doc.product?.attributes?.location ?? 'unknown',
    asOf: (doc.publicationDate ?? '').slice(0, 10),
    upfrontShares: shares,
  };
}

const pct = (d: Decimal): string => d.times(100).toFixed(1);

/** The split the snapshot applies: the measured mean share rounded to the nearest half, and why. */
export function partialSplitFrom(e: PartialSplitEvidence, sourceId: string): PartialSplit {
  const shares = [...e.upfrontShares].sort((a, b) => a.cmp(b));
  const mean = shares.reduce((a, b) => a.plus(b), dec(0)).div(shares.length);
  const share = mean.times(2).round(0).div(2);
  const method =
    `upfront = ${pct(share)} % of the term cost (effective hourly × term hours), hourly = the other ${pct(dec(1).minus(share))} %; the source gives only the effective rate. ` +
    `Measured on the ${e.instanceType} ${e.location} GetProducts product (${e.asOf}): its ${shares.length} partial-upfront offers put ${pct(shares[0]!)}–${pct(shares[shares.length - 1]!)} % of the term cost upfront`;
  return { upfrontShare: share.toFixed(), basis: { kind: 'estimate', source: sourceId, asOf: e.asOf, method } };
}
