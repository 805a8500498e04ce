/**
 * Assembles the rows of a bulk CSV offer file (one row per price dimension, product attributes
 * repeated on each row) into OfferProducts. Pure: the edge streams rows in (src/aws/offer-file.ts).
 * Rows of products nuage does not price (compute products outside Linux/Shared/NA/Used, products no
 * service-price key maps) are dropped as they arrive, and so are the reserved rows of service products:
 * memory holds only what nuage keeps, even for the multi-GB all-regions files.
 */
import { InputError } from '../../errors.js';
import { LINUX_SHARED_FILTER } from './map-product.js';
import { mapServiceProduct } from './service-map.js';
import type { OfferDimension, OfferProduct, OfferTerm, OfferTermType } from './offer-model.js';

/** CSV column → Price List attribute name, for the attributes nuage reads. */
const ATTRIBUTE_COLUMNS: Readonly<Record<string, string>> = {
  'Instance Type': 'instanceType',
  'Operating System': 'operatingSystem',
  Tenancy: 'tenancy',
  'Pre Installed S/W': 'preInstalledSw',
  CapacityStatus: 'capacitystatus',
  'Region Code': 'regionCode',
  Location: 'location',
  'Location Type': 'locationType',
  'Volume API Name': 'volumeApiName',
  Group: 'group',
  usageType: 'usagetype',
  'Market Option': 'marketoption',
  MarketOption: 'marketoption',
  'License Model': 'licenseModel',
  'EBS Optimized': 'ebsOptimized',
  'Database Engine': 'databaseEngine',
  'Database Edition': 'databaseEdition',
  'Deployment Option': 'deploymentOption',
  'Volume Type': 'volumeType',
  'Cache Engine': 'cacheEngine',
  'Group Description': 'groupDescription',
};

const REQUIRED = ['SKU', 'OfferTermCode', 'TermType', 'Unit', 'PricePerUnit', 'Currency', 'Product Family'];
/** Columns of the AmazonEC2 offer the instance filter reads. */
const REQUIRED_EC2 = ['Instance Type', 'Operating System', 'Tenancy', 'Pre Installed S/W'];
const NOT_INSTANCE_FILTER = 'instance not Linux/Shared/NA/Used';

interface PendingTerm {
  type: OfferTermType;
  code: string;
  termAttributes: Record<string, string>;
  dimensions: OfferDimension[];
}

interface PendingProduct {
  productFamily: string;
  attributes: Record<string, string>;
  terms: Map<string, PendingTerm>;
  /** First file line of the product, for messages. */
  line: number;
  /** A service product: only its on-demand rows are kept. */
  service: boolean;
}

export interface CsvProduct {
  readonly product: OfferProduct;
  readonly line: number;
}

export class CsvOfferAssembler {
  private idx: Record<string, number> = {};
  private attributeIdx: [string, number][] = [];
  private columns = 0;
  private readonly pending = new Map<string, PendingProduct>();
  /** SKU → why it was dropped. */
  private readonly dropped = new Map<string, string>();
  private offerCode = 'AmazonEC2';

  constructor(private readonly file: string) {}

  /** The header row (line `line` of the file) of an `offerCode` offer. Fails when a required column is absent. */
  header(columns: readonly string[], line: number, offerCode = 'AmazonEC2'): void {
    this.offerCode = offerCode;
    this.columns = columns.length;
    columns.forEach((c, i) => (this.idx[c] = i));
    for (const c of offerCode === 'AmazonEC2' ? [...REQUIRED, ...REQUIRED_EC2] : REQUIRED) {
      if (this.idx[c] === undefined) throw new InputError({ file: this.file, row: line, field: c }, `missing column in the header row (is this an ${offerCode} offer file?)`);
    }
    if (this.idx['Region Code'] === undefined && this.idx.Location === undefined) {
      throw new InputError({ file: this.file, row: line, field: 'Region Code' }, 'missing column: neither "Region Code" nor "Location" is present');
    }
    this.attributeIdx = Object.entries(ATTRIBUTE_COLUMNS)
      .filter(([c]) => this.idx[c] !== undefined)
      .map(([c, name]) => [name, this.idx[c]!]);
  }

  /** One data row at file line `line`. */
  row(values: readonly string[], line: number): void {
    if (values.length !== this.columns) {
      throw new InputError({ file: this.file, row: line }, `expected ${this.columns} columns, got ${values.length} (truncated or malformed file?)`);
    }
    const get = (c: string) => values[this.idx[c]!] ?? '';
    const sku = get('SKU');
    if (sku === '') throw new InputError({ file: this.file, row: line, field: 'SKU' }, 'empty SKU');
    if (this.dropped.has(sku)) return;
    let product = this.pending.get(sku);
    if (!product) {
      const productFamily = get('Product Family');
      const attributes: Record<string, string> = {};
      for (const [name, i] of this.attributeIdx) attributes[name] = values[i] ?? '';
      const service = mapServiceProduct({ serviceCode: this.offerCode, productFamily, attributes }) !== undefined;
      const compute = this.offerCode === 'AmazonEC2' && productFamily.startsWith('Compute Instance');
      if (!service && !(compute && passesFilter(attributes))) {
        this.dropped.set(sku, compute ? NOT_INSTANCE_FILTER : `product family ${productFamily || '(none)'}`);
        return;
      }
      product = { productFamily, attributes, terms: new Map(), line, service };
      this.pending.set(sku, product);
    }
    const termType = get('TermType');
    if (termType !== 'OnDemand' && termType !== 'Reserved') {
      throw new InputError({ file: this.file, row: line, field: 'TermType' }, `expected OnDemand or Reserved, got "${termType}"`);
    }
    if (termType === 'Reserved' && product.service) return;
    const currency = get('Currency');
    if (currency !== 'USD') throw new InputError({ file: this.file, row: line, field: 'Currency' }, `expected USD, got "${currency}"`);
    const code = get('OfferTermCode');
    let term = product.terms.get(code);
    if (!term) {
      const termAttributes: Record<string, string> = {};
      if (termType === 'Reserved') {
        for (const c of ['LeaseContractLength', 'PurchaseOption', 'OfferingClass']) termAttributes[c] = this.idx[c] === undefined ? '' : get(c);
      }
      term = { type: termType, code, termAttributes, dimensions: [] };
      product.terms.set(code, term);
    }
    term.dimensions.push({
      unit: get('Unit'),
      usd: get('PricePerUnit'),
      description: this.idx.PriceDescription === undefined ? '' : get('PriceDescription'),
      beginRange: this.idx.StartingRange === undefined ? '0' : get('StartingRange'),
    });
  }

  /** Products dropped while streaming, counted by reason. */
  droppedReasons(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const reason of this.dropped.values()) out[reason] = (out[reason] ?? 0) + 1;
    return out;
  }

  *products(): Generator<CsvProduct> {
    for (const [sku, p] of this.pending) {
      const terms: OfferTerm[] = [...p.terms.values()].map((t) => ({
        type: t.type,
        offerTermCode: t.code,
        path: `${t.type} term ${sku}.${t.code}`,
        termAttributes: t.termAttributes,
        dimensions: t.dimensions,
      }));
      yield { product: { sku, productFamily: p.productFamily, attributes: p.attributes, terms }, line: p.line };
    }
  }
}

function passesFilter(attributes: Readonly<Record<string, string>>): boolean {
  for (const [name, wanted] of Object.entries(LINUX_SHARED_FILTER)) {
    const value = attributes[name] ?? '';
    if (name === 'capacitystatus' && value === '') continue;
    // Leave empty required attributes to the mapper, which reports them with their row.
    if (value === '' || value === wanted) continue;
    return false;
  }
  return true;
}
