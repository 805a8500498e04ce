/**
 * JSON shapes of the Price List → OfferProduct: a `GetProducts` PriceList element (itself a JSON
 * string, parsed again here) and the products/terms maps of a bulk JSON offer file. Every missing or
 * mistyped field fails with an InputError naming the file/page, element and JSON path.
 */
import { InputError } from '../../errors.js';
import type { OfferDimension, OfferOrigin, OfferProduct, OfferTerm, OfferTermType } from './offer-model.js';

type Json = Record<string, unknown>;

function fail(origin: OfferOrigin, path: string, problem: string): never {
  throw new InputError({ file: origin.file, row: origin.row, field: path }, problem);
}

function obj(value: unknown, origin: OfferOrigin, path: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(origin, path, 'expected an object');
  return value as Json;
}

function str(value: unknown, origin: OfferOrigin, path: string): string {
  if (typeof value !== 'string') fail(origin, path, value === undefined ? 'missing' : 'expected a string');
  return value;
}

function stringMap(value: unknown, origin: OfferOrigin, path: string): Record<string, string> {
  const o = obj(value ?? {}, origin, path);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) out[k] = str(v, origin, `${path}.${k}`);
  return out;
}

function dimensions(value: unknown, origin: OfferOrigin, path: string): OfferDimension[] {
  const dims = obj(value, origin, path);
  return Object.entries(dims).map(([code, raw]) => {
    const p = `${path}.${code}`;
    const d = obj(raw, origin, p);
    const price = obj(d.pricePerUnit, origin, `${p}.pricePerUnit`);
    return {
      unit: str(d.unit, origin, `${p}.unit`),
      usd: str(price.USD, origin, `${p}.pricePerUnit.USD`),
      description: typeof d.description === 'string' ? d.description : '',
      beginRange: typeof d.beginRange === 'string' ? d.beginRange : '0',
    };
  });
}

/** The terms of one SKU: `{ <offerTermCode or sku.code>: term }`. */
export function parseTerms(type: OfferTermType, value: unknown, origin: OfferOrigin, path: string): OfferTerm[] {
  if (value === undefined) return [];
  return Object.entries(obj(value, origin, path)).map(([code, raw]) => {
    const p = `${path}.${code}`;
    const t = obj(raw, origin, p);
    return {
      type,
      offerTermCode: typeof t.offerTermCode === 'string' ? t.offerTermCode : code,
      path: p,
      termAttributes: stringMap(t.termAttributes, origin, `${p}.termAttributes`),
      dimensions: dimensions(t.priceDimensions, origin, `${p}.priceDimensions`),
    };
  });
}

/** The `product` part (sku, productFamily, attributes). */
export function parseProductHead(value: unknown, origin: OfferOrigin, path: string): Omit<OfferProduct, 'terms'> {
  const p = obj(value, origin, path);
  return {
    sku: str(p.sku, origin, `${path}.sku`),
    productFamily: typeof p.productFamily === 'string' ? p.productFamily : '',
    attributes: stringMap(p.attributes, origin, `${path}.attributes`),
  };
}

export interface PriceListItem {
  readonly product: OfferProduct;
  /** Origin to map the product with (path points at the element's "product"). */
  readonly productOrigin: OfferOrigin;
  /** publicationDate of the element, YYYY-MM-DD. */
  readonly asOf: string;
}

/** One `GetProducts` PriceList element: a JSON string holding product, terms and publicationDate. */
export function parsePriceListItem(text: string, origin: OfferOrigin): PriceListItem {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    fail(origin, origin.path, `not valid JSON (${(err as Error).message})`);
  }
  const root = obj(doc, origin, origin.path);
  const head = parseProductHead(root.product, origin, `${origin.path}.product`);
  const terms = obj(root.terms ?? {}, origin, `${origin.path}.terms`);
  const published = str(root.publicationDate, origin, `${origin.path}.publicationDate`);
  return {
    product: {
      ...head,
      terms: [
        ...parseTerms('OnDemand', terms.OnDemand, origin, `${origin.path}.terms.OnDemand`),
        ...parseTerms('Reserved', terms.Reserved, origin, `${origin.path}.terms.Reserved`),
      ],
    },
    productOrigin: { ...origin, path: `${origin.path}.product` },
    asOf: isoDate(published, origin, `${origin.path}.publicationDate`),
  };
}

/** "2021-02-05T20:45:00Z" → "2021-02-05". */
export function isoDate(value: string, origin: OfferOrigin, path: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (!m || Number.isNaN(Date.parse(m[1]!))) fail(origin, path, `expected a date, got "${value}"`);
  return m[1]!;
}

/** Products of a bulk JSON offer file (`products` keyed by SKU, `terms.<type>.<sku>.<code>`). */
export function* offerFileProducts(doc: unknown, file: string): Generator<OfferProduct> {
  const origin: OfferOrigin = { file, path: '' };
  const root = obj(doc, origin, '(root)');
  const products = obj(root.products, origin, 'products');
  const terms = obj(root.terms ?? {}, origin, 'terms');
  const onDemand = obj(terms.OnDemand ?? {}, origin, 'terms.OnDemand');
  const reserved = obj(terms.Reserved ?? {}, origin, 'terms.Reserved');
  for (const [sku, raw] of Object.entries(products)) {
    const head = parseProductHead(raw, origin, `products.${sku}`);
    yield {
      ...head,
      terms: [
        ...parseTerms('OnDemand', onDemand[sku], origin, `terms.OnDemand.${sku}`),
        ...parseTerms('Reserved', reserved[sku], origin, `terms.Reserved.${sku}`),
      ],
    };
  }
}
