/**
 * Reads an AWS bulk price-list offer file (JSON or CSV) into catalog values: AmazonEC2 (instances, EBS,
 * NAT, CPU credits, dedicated), and the service offers nuage prices (AmazonRDS, AWSELB, AmazonEKS,
 * AmazonElastiCache, AmazonDynamoDB, AmazonCloudWatch) through the shared product → key mapping.
 * CSV is streamed row by row (csv-parse); the all-regions EC2 CSV is several GB. JSON offer files are
 * parsed whole (the regional files fit; for the multi-GB all-regions file use the CSV form).
 * Nothing is written here: the caller stores the result in one transaction.
 */
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { OFFER_FILE_SOURCE } from '../catalog/live-sources.js';
import { OfferCollector, type OfferBatch } from '../catalog/offer/collect.js';
import { CsvOfferAssembler } from '../catalog/offer/csv-products.js';
import { mapOfferProduct } from '../catalog/offer/map-product.js';
import { isoDate, offerFileProducts } from '../catalog/offer/price-list-json.js';
import { SERVICE_CODES } from '../catalog/offer/service-map.js';

/** Largest JSON offer file parsed whole (V8's string limit is ~512 MiB). */
const MAX_JSON_BYTES = 500 * 1024 * 1024;

export interface OfferFileResult extends OfferBatch {
  readonly file: string;
  readonly format: 'csv' | 'json';
  /** The file's offer code: AmazonEC2, AmazonRDS, AWSELB, … */
  readonly offerCode: string;
  /** Publication date of the offer file, YYYY-MM-DD. */
  readonly asOf: string;
  readonly version: string;
}

export interface OfferFileOptions {
  /** Keep only this region. */
  readonly region?: string;
  /** Path shown in messages (defaults to the path read). */
  readonly displayName?: string;
}

export async function readOfferFile(path: string, options: OfferFileOptions = {}): Promise<OfferFileResult> {
  const name = options.displayName ?? path;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw new InputError({ file: name }, `cannot read offer file: ${(err as Error).message}`);
  }
  if (size === 0) throw new InputError({ file: name }, 'empty file');
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return readJsonOffer(path, name, size, options);
  if (ext === '.csv') return readCsvOffer(path, name, options);
  throw new InputError({ file: name }, `expected an AWS offer file (${SERVICE_CODES.join(', ')}) ending in .json or .csv`);
}

function checkOfferCode(value: unknown, file: string, row: number | undefined, field: string): string {
  if (typeof value !== 'string' || !SERVICE_CODES.includes(value)) {
    throw new InputError({ file, row, field }, `expected the offer code of a service nuage prices (${SERVICE_CODES.join(', ')}), got "${String(value ?? '')}"`);
  }
  return value;
}

async function readJsonOffer(path: string, file: string, size: number, options: OfferFileOptions): Promise<OfferFileResult> {
  if (size > MAX_JSON_BYTES) {
    throw new InputError({ file }, `JSON offer file is ${Math.round(size / 1048576)} MiB, over the ${MAX_JSON_BYTES / 1048576} MiB read whole; import the CSV form of the same offer file (streamed)`);
  }
  const text = await readFile(path, 'utf8');
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new InputError({ file, row: line }, `not valid JSON (truncated or malformed?): ${message}`);
  }
  if (doc === null || typeof doc !== 'object') throw new InputError({ file }, 'expected a JSON object');
  const offerCode = checkOfferCode(doc.offerCode, file, undefined, 'offerCode');
  if (typeof doc.publicationDate !== 'string') throw new InputError({ file, field: 'publicationDate' }, 'missing');
  const asOf = isoDate(doc.publicationDate, { file, path: '' }, 'publicationDate');
  const collector = new OfferCollector();
  for (const product of offerFileProducts(doc, file)) {
    collector.add(mapOfferProduct(product, { serviceCode: offerCode, source: OFFER_FILE_SOURCE, asOf, region: options.region, origin: { file, path: `products.${product.sku}` } }));
  }
  return { ...collector.result(), file, format: 'json', offerCode, asOf, version: typeof doc.version === 'string' ? doc.version : '' };
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

const METADATA = ['FormatVersion', 'Disclaimer', 'Publication Date', 'Version', 'OfferCode'];

async function readCsvOffer(path: string, file: string, options: OfferFileOptions): Promise<OfferFileResult> {
  const parser = createReadStream(path).pipe(parse({ relax_column_count: true, info: true, bom: true }));
  const meta: Record<string, string> = {};
  const assembler = new CsvOfferAssembler(file);
  let headerSeen = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
      if (headerSeen) {
        assembler.row(record, info.lines);
      } else if (meta.OfferCode === undefined) {
        const key = record[0] ?? '';
        const expected = METADATA[Object.keys(meta).length];
        if (key !== expected) throw new InputError({ file, row: info.lines, field: expected }, `expected the offer-file metadata line "${expected}", got "${key}"`);
        meta[key] = record[1] ?? '';
        if (key === 'OfferCode') checkOfferCode(meta.OfferCode, file, info.lines, 'OfferCode');
      } else {
        assembler.header(record, info.lines, meta.OfferCode);
        headerSeen = true;
      }
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const e = err as Error & { code?: string; lines?: number };
    if (e.code?.startsWith('CSV_')) throw new InputError({ file, row: e.lines }, `malformed CSV (truncated file?): ${e.message}`);
    throw new InputError({ file }, `cannot read offer file: ${e.message}`);
  }
  if (!headerSeen) throw new InputError({ file, row: Object.keys(meta).length + 1 }, 'no header row: the file ends inside the metadata lines (truncated?)');
  const offerCode = meta.OfferCode!;
  const asOf = isoDate(meta['Publication Date'] ?? '', { file, row: 3, path: '' }, 'Publication Date');
  const collector = new OfferCollector();
  for (const [reason, n] of Object.entries(assembler.droppedReasons())) for (let i = 0; i < n; i++) collector.add({ kind: 'skip', reason });
  for (const { product, line } of assembler.products()) {
    collector.add(mapOfferProduct(product, { serviceCode: offerCode, source: OFFER_FILE_SOURCE, asOf, region: options.region, origin: { file, row: line, path: '' } }));
  }
  return { ...collector.result(), file, format: 'csv', offerCode, asOf, version: meta.Version ?? '' };
}
