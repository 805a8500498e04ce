/**
 * How AWS splits a partial-upfront reservation between upfront fee and hourly charge, measured on a real
 * Pricing API product (GetProducts wire shape): upfront ÷ (effective hourly × term hours) for each
 * partial-upfront offer. The ec2instances-2018 file gives only effective hourly rates, so the snapshot
 * splits them with the share measured here (rounded to 0.5) and says so in the split basis.
 */
import { InputError } from '../../../src/errors.js';
import { termHours, type ReservedTerm } from '../../../src/catalog/types.js';
import { dec, type Decimal } from '../../../src/money/index.js';
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
