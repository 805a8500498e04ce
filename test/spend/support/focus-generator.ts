/**
 * Deterministic FOCUS 1.2 CSV generator in the shape of the FOCUS specification examples, widened
 * with the columns a real export carries (currency, accounts, service, region, tags). Used by the
 * fixture tests (1,000 rows) and the bench (1,000,000 rows): 5,000 resources, hourly lines spread
 * over the month. Amounts mix 10- and 19-decimal values, credits are negative, one resource in ten
 * has no env tag.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FOCUS_COLUMNS = [
  'BillingAccountId', 'BillingCurrency', 'BillingPeriodStart', 'BillingPeriodEnd', 'ChargePeriodStart', 'ChargePeriodEnd',
  'ChargeCategory', 'ChargeClass', 'ChargeFrequency', 'PricingCategory', 'ResourceId', 'ResourceType', 'ServiceName',
  'ServiceCategory', 'SubAccountId', 'RegionId', 'AvailabilityZone', 'SkuId', 'PricingQuantity', 'PricingUnit',
  'ConsumedQuantity', 'ConsumedUnit', 'ListCost', 'ContractedCost', 'BilledCost', 'EffectiveCost', 'CommitmentDiscountId',
  'CommitmentDiscountType', 'CommitmentDiscountCategory', 'CommitmentDiscountStatus', 'Tags',
] as const;

const ENVS = ['prod', 'staging', 'dev', 'sandbox'];
const SERVICES: [string, string, string][] = [
  ['Amazon Elastic Compute Cloud', 'Compute', 'Hours'],
  ['Amazon Simple Storage Service', 'Storage', 'GB-Mo'],
  ['Amazon Relational Database Service', 'Databases', 'Hours'],
  ['AWS Lambda', 'Compute', 'Requests'],
  ['Amazon CloudFront', 'Networking', 'GB'],
];
const REGIONS = ['eu-west-1', 'eu-west-3', 'us-east-1'];

export interface GeneratorOptions {
  /** "YYYY-MM" billing month (default 2026-11). */
  readonly month?: string;
  readonly billingAccountId?: string;
  readonly currency?: string;
}

function amountFor(i: number): string {
  const base = ((i * 7919) % 100_000) / 1e6;
  if (i % 97 === 0) return `-${base.toFixed(10)}`; // credits
  if (i % 7 === 0) return `${base.toFixed(10)}${String((i * 104729) % 1_000_000_000).padStart(9, '0')}`; // 19 places
  return base.toFixed(10);
}

/** The i-th data row (0-based) as a CSV line with its newline. */
export function focusRow(i: number, o: GeneratorOptions = {}): string {
  const month = o.month ?? '2026-11';
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = String(1 + (i % days)).padStart(2, '0');
  const hour = String(i % 24).padStart(2, '0');
  // 5,000 resources; each keeps its service, account, region and tags (drawn from a hash of the
  // resource), so every day sees every service, account, region and tag value.
  const resource = i % 5000;
  const h = Math.imul(resource + 1, 2654435761) >>> 0;
  const [service, category, unit] = SERVICES[(h >>> 3) % SERVICES.length] as [string, string, string];
  const region = REGIONS[(h >>> 7) % REGIONS.length] as string;
  const account = (h >>> 11) % 10;
  const env = ENVS[(h >>> 13) % ENVS.length] as string;
  const app = (h >>> 17) % 8;
  const billed = amountFor(i);
  const committed = i % 11 === 0;
  const effective = committed ? amountFor(i + 1) : billed;
  const tags = resource % 10 === 9 ? `{""app"":""app${app}""}` : `{""env"":""${env}"",""app"":""app${app}""}`;
  return [
    o.billingAccountId ?? '012345678901',
    o.currency ?? 'USD',
    `${month}-01T00:00:00Z`,
    `${next}-01T00:00:00Z`,
    `${month}-${day}T${hour}:00:00Z`,
    `${month}-${day}T${hour}:59:59Z`,
    i % 97 === 0 ? 'Adjustment' : 'Usage',
    'null',
    'Usage-Based',
    committed ? 'Committed' : 'Standard',
    `i-${resource.toString(16).padStart(17, '0')}`,
    'Instance',
    service,
    category,
    `0000${String(account).padStart(8, '0')}`,
    region,
    `${region}a`,
    `SKU${i % 300}`,
    '1',
    unit,
    '1',
    unit,
    billed.startsWith('-') ? '0' : billed,
    billed,
    billed,
    effective,
    committed ? 'arn:aws:savingsplans::012345678901:savingsplan/sp-1' : 'null',
    committed ? 'Savings Plan' : 'null',
    committed ? 'Spend' : 'null',
    committed ? 'Used' : 'null',
    `"${tags}"`,
  ].join(',') + '\n';
}

export function focusHeader(): string {
  return FOCUS_COLUMNS.join(',') + '\n';
}

/** A whole small file in memory. */
export function focusCsv(rows: number, o: GeneratorOptions = {}, corrupt?: (i: number, line: string) => string): string {
  let out = focusHeader();
  for (let i = 0; i < rows; i++) out += corrupt ? corrupt(i, focusRow(i, o)) : focusRow(i, o);
  return out;
}

/** Streams a big file to disk. */
export async function writeFocusCsv(path: string, rows: number, o: GeneratorOptions = {}): Promise<void> {
  const out = createWriteStream(path);
  out.write(focusHeader());
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += focusRow(i, o);
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((ok, ko) => out.end((err?: Error | null) => (err ? ko(err) : ok())));
}

/** The fixture files the import tests share, written into `dir`. */
export interface FocusFixtures {
  /** 1,000 rows of November 2026. */
  readonly good: string;
  /** 300 rows of October 2026. */
  readonly october: string;
  /** `good` with row 500 (spreadsheet numbering: header = row 1, so data row i = 498) BilledCost "12.3.4". */
  readonly corrupt: string;
}

export function writeFocusFixtures(dir: string): FocusFixtures {
  const f = { good: join(dir, 'focus-2026-11.csv'), october: join(dir, 'focus-2026-10.csv'), corrupt: join(dir, 'focus-2026-11-corrupt.csv') };
  writeFileSync(f.good, focusCsv(1000));
  writeFileSync(f.october, focusCsv(300, { month: '2026-10' }));
  writeFileSync(f.corrupt, focusCsv(1000, {}, (i, line) => (i === 498 ? line.replace(/,(-?\d+\.\d+),(-?\d+\.\d+),(-?\d+\.\d+),/, ',$1,$2,12.3.4,') : line)));
  return f;
}
