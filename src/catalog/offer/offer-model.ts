/**
 * The AWS Price List shapes, normalized. The Pricing API (`GetProducts` PriceList elements), the bulk
 * JSON offer file (products + terms keyed by SKU) and the bulk CSV offer file (one row per price
 * dimension) all reduce to these values before mapping to catalog prices (map-product.ts).
 */

/** One rate of a term ("priceDimensions" entry, or one CSV row). Prices stay decimal strings. */
export interface OfferDimension {
  /** AWS unit: "Hrs", "Quantity", "GB-Mo", "IOPS-Mo", "IOs", … */
  readonly unit: string;
  /** USD price per unit, exact as published. */
  readonly usd: string;
  readonly description: string;
  /** Tier start ("0" for the first tier). */
  readonly beginRange: string;
}

export type OfferTermType = 'OnDemand' | 'Reserved';

export interface OfferTerm {
  readonly type: OfferTermType;
  readonly offerTermCode: string;
  /** Where the term sits in its source, for messages: JSON path ("PriceList[2].terms.Reserved.SKU.CODE") or CSV column group. */
  readonly path: string;
  /** LeaseContractLength, OfferingClass, PurchaseOption for reserved terms. */
  readonly termAttributes: Readonly<Record<string, string>>;
  readonly dimensions: readonly OfferDimension[];
}

export interface OfferProduct {
  readonly sku: string;
  readonly productFamily: string;
  /** Price List attributes, keyed by their API names (instanceType, operatingSystem, regionCode…). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly terms: readonly OfferTerm[];
}

/** Where a product came from, for error messages: file or page, row or element, and field prefix. */
export interface OfferOrigin {
  readonly file: string;
  readonly row?: number;
  /** JSON path of the product in messages, e.g. "PriceList[3].product" or "products.ABC123"; "" for CSV rows. */
  readonly path: string;
}
