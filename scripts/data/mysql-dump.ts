/**
 * Streams the terracost pricing MySQL dump (gzip) and yields its rows: `pricing_products` (id, location,
 * service, family, attributes) and `pricing_product_prices` (product id, unit, price, attributes).
 * One INSERT per line, as mysqldump writes with --skip-extended-insert.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

export interface DumpProduct {
  readonly id: number;
  readonly location: string;
  readonly service: string;
  readonly family: string;
  readonly attributes: Record<string, string>;
}

export interface DumpPrice {
  readonly productId: number;
  readonly unit: string;
  /** Exact decimal string as dumped ("0.0480000000"), trailing zeros removed. */
  readonly price: string;
  readonly attributes: Record<string, string>;
}

const PRODUCT_RE = /^INSERT INTO `pricing_products` VALUES \((\d+),'[^']*','[^']*','([^']*)','([^']*)',(NULL|'[^']*'),'(.*)'\);$/;
const PRICE_RE = /^INSERT INTO `pricing_product_prices` VALUES \(\d+,(\d+),'[^']*','[^']*','([^']*)',([\d.]+),'(.*)'\);$/;

const unescape = (s: string): Record<string, string> => JSON.parse(s.replace(/\\"/g, '"').replace(/\\\\/g, '\\')) as Record<string, string>;
const trimZeros = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

export async function readPricingDump(path: string): Promise<{ products: DumpProduct[]; prices: DumpPrice[] }> {
  const products: DumpProduct[] = [];
  const prices: DumpPrice[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.startsWith('INSERT INTO `pricing_products`')) {
      const m = PRODUCT_RE.exec(line);
      if (!m) throw new Error(`${path}: unreadable pricing_products row: ${line.slice(0, 120)}`);
      products.push({ id: Number(m[1]), location: m[2]!, service: m[3]!, family: m[4] === 'NULL' ? '' : m[4]!.slice(1, -1), attributes: unescape(m[5]!) });
    } else if (line.startsWith('INSERT INTO `pricing_product_prices`')) {
      const m = PRICE_RE.exec(line);
      if (!m) throw new Error(`${path}: unreadable pricing_product_prices row: ${line.slice(0, 120)}`);
      prices.push({ productId: Number(m[1]), unit: m[2]!, price: trimZeros(m[3]!), attributes: unescape(m[4]!) });
    }
  }
  return { products, prices };
}
