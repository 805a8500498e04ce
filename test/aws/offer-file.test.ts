import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOfferFile } from '../../src/aws/offer-file.js';
import { corpusPath, haveCorpus } from '../support/corpora.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const JSON_FILE = join(FIXTURES, 'AmazonEC2-eu-west-3-mini.json');
const CSV_FILE = join(FIXTURES, 'AmazonEC2-eu-west-3-mini.csv');
const PARIS = corpusPath('terraform_plans', 'terracost', 'pricing_fixture', 'AmazonEC2_eu-west-3.csv');

const tmp = mkdtempSync(join(tmpdir(), 'nuage-offer-'));
function variant(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('bulk offer files (own fixtures)', () => {
  it('reads the JSON offer file: Linux/Shared/NA/Used instances, EBS and NAT prices, skips the rest with reasons', async () => {
    const r = await readOfferFile(JSON_FILE);
    expect(r).toMatchObject({ format: 'json', asOf: '2025-07-01', version: '20250701180000', regions: ['eu-west-3'], products: 10 });
    const xl = r.ec2Prices.find((p) => p.instanceType === 'm5.xlarge')!;
    expect(xl.onDemand).toEqual({ usdPerHour: '0.224', basis: { kind: 'exact', source: 'aws-offer-file', asOf: '2025-07-01' } });
    expect(xl.reserved.map((x) => [x.term, x.offeringClass, x.paymentOption, x.upfrontUsd, x.usdPerHour, x.effectiveUsdPerHour])).toEqual([
      ['1yr', 'standard', 'no-upfront', '0', '0.142', '0.142'],
      ['3yr', 'standard', 'all-upfront', '2238', '0', '0.08515981735159817352'],
    ]);
    const large = r.ec2Prices.find((p) => p.instanceType === 'm5.large')!;
    expect(large.reserved.find((x) => x.paymentOption === 'partial-upfront')).toMatchObject({ upfrontUsd: '290', usdPerHour: '0.033', effectiveUsdPerHour: '0.06610502283105022831' });
    expect(r.servicePrices.map((s) => [s.key, s.unit, s.usd])).toEqual([
      ['ec2:dedicated:m5.xlarge', 'hour', '0.246'],
      ['ebs:gp3:storage', 'GB-month', '0.0928'],
      ['ebs:gp3:iops', 'IOPS-month', '0.0058'],
      ['ebs:gp3:throughput', 'MiBps-month', '0.0464'],
      ['nat:hour', 'hour', '0.048'],
    ]);
    expect(r.skipped).toEqual({ 'instance not Linux/Shared/NA/Used': 2, 'product family Data Transfer': 1 });
  });

  it('reads the CSV form of the same offer into the same values', async () => {
    const [j, c] = await Promise.all([readOfferFile(JSON_FILE), readOfferFile(CSV_FILE)]);
    expect(c.format).toBe('csv');
    expect(c.asOf).toBe(j.asOf);
    expect(c.ec2Prices).toEqual(j.ec2Prices);
    expect(c.servicePrices).toEqual(j.servicePrices);
    expect(c.skipped).toEqual(j.skipped);
  });

  it('keeps only the requested region', async () => {
    const r = await readOfferFile(CSV_FILE, { region: 'eu-west-1' });
    expect(r.ec2Prices).toEqual([]);
    expect(r.skipped['other region']).toBe(7);
  });

  it('fails on a CSV truncated mid-row, naming file and line', async () => {
    const text = readFileSync(CSV_FILE, 'utf8');
    const cut = text.slice(0, text.indexOf('M5XLARGELNX0001') + 200);
    await expect(readOfferFile(variant('truncated.csv', cut), { displayName: 'truncated.csv' })).rejects.toThrow(/^truncated\.csv, row 1[0-9]: /);
  });

  it('fails on a CSV truncated at a row boundary inside a partial-upfront term (missing hourly row)', async () => {
    const lines = readFileSync(CSV_FILE, 'utf8').split('\n');
    const hourly = lines.findIndex((l) => l.includes('HU7G6KETJZ') && l.includes('"Hrs"'));
    const broken = lines.filter((_, i) => i !== hourly).join('\n');
    await expect(readOfferFile(variant('partial.csv', broken), { displayName: 'partial.csv' })).rejects.toThrow(
      'partial.csv, row 7, field "Reserved term M5LARGELNX00001.HU7G6KETJZ.priceDimensions": Partial Upfront term has no "Hrs" (hourly) price',
    );
  });

  it('fails on a CSV price that is not a number, naming the row of the product', async () => {
    const text = readFileSync(CSV_FILE, 'utf8').replace('"0.2240000000"', '"zero.224"');
    await expect(readOfferFile(variant('badprice.csv', text), { displayName: 'badprice.csv' })).rejects.toThrow(
      /^badprice\.csv, row \d+, field "OnDemand term M5XLARGELNX0001\.JRTCKXETXF\.pricePerUnit\.USD": expected a decimal price, got "zero\.224"$/,
    );
  });

  it('fails on a CSV without the Instance Type column', async () => {
    const text = readFileSync(CSV_FILE, 'utf8').replace('"Instance Type"', '"InstanceKind"');
    await expect(readOfferFile(variant('nocol.csv', text), { displayName: 'nocol.csv' })).rejects.toThrow(
      'nocol.csv, row 6, field "Instance Type": missing column in the header row (is this an AmazonEC2 offer file?)',
    );
  });

  it('fails on a file that ends inside the metadata lines', async () => {
    const text = readFileSync(CSV_FILE, 'utf8').split('\n').slice(0, 3).join('\n');
    await expect(readOfferFile(variant('meta.csv', text), { displayName: 'meta.csv' })).rejects.toThrow('meta.csv, row 4: no header row: the file ends inside the metadata lines (truncated?)');
  });

  it('fails on the offer file of a service nuage does not price', async () => {
    const text = readFileSync(CSV_FILE, 'utf8').replace('"OfferCode","AmazonEC2"', '"OfferCode","AmazonS3"');
    await expect(readOfferFile(variant('s3.csv', text), { displayName: 's3.csv' })).rejects.toThrow(
      's3.csv, row 5, field "OfferCode": expected the offer code of a service nuage prices (AmazonEC2, AmazonRDS, AWSELB, AmazonEKS, AmazonElastiCache, AmazonDynamoDB, AmazonCloudWatch), got "AmazonS3"',
    );
  });

  it('fails on a truncated JSON offer file, naming file and line', async () => {
    const text = readFileSync(JSON_FILE, 'utf8');
    await expect(readOfferFile(variant('truncated.json', text.slice(0, 5000)), { displayName: 'truncated.json' })).rejects.toThrow(/^truncated\.json, row \d+: not valid JSON \(truncated or malformed\?\)/);
  });

  it('fails on a JSON product missing its tenancy', async () => {
    const doc = JSON.parse(readFileSync(JSON_FILE, 'utf8'));
    delete doc.products.M5LARGELNX00001.attributes.tenancy;
    await expect(readOfferFile(variant('notenancy.json', JSON.stringify(doc)), { displayName: 'notenancy.json' })).rejects.toThrow(
      'notenancy.json, field "products.M5LARGELNX00001.attributes.tenancy": compute product M5LARGELNX00001 has no tenancy',
    );
  });

  it('fails on a JSON reserved term with an unknown lease length', async () => {
    const doc = JSON.parse(readFileSync(JSON_FILE, 'utf8'));
    doc.terms.Reserved.M5XLARGELNX0001['M5XLARGELNX0001.4NA7Y494T4'].termAttributes.LeaseContractLength = '2yr';
    await expect(readOfferFile(variant('lease.json', JSON.stringify(doc)), { displayName: 'lease.json' })).rejects.toThrow(
      'lease.json, field "terms.Reserved.M5XLARGELNX0001.M5XLARGELNX0001.4NA7Y494T4.termAttributes.LeaseContractLength": expected "1yr" or "3yr", got "2yr"',
    );
  });

  it('refuses files that are not .json or .csv, and missing files', async () => {
    await expect(readOfferFile(variant('offer.txt', 'x'), { displayName: 'offer.txt' })).rejects.toThrow('offer.txt: expected an AWS offer file (AmazonEC2, AmazonRDS, AWSELB, AmazonEKS, AmazonElastiCache, AmazonDynamoDB, AmazonCloudWatch) ending in .json or .csv');
    await expect(readOfferFile(join(tmp, 'absent.csv'), { displayName: 'absent.csv' })).rejects.toThrow(/^absent\.csv: cannot read offer file: ENOENT/);
  });
});

describe.skipIf(!haveCorpus(PARIS, 'terracost Paris offer CSV'))('terracost bulk CSV fixture (read in place)', () => {
  it('maps the Paris EBS rows to service prices keyed by volume type, dated 2020-10-19', async () => {
    const r = await readOfferFile(PARIS);
    expect(r).toMatchObject({ format: 'csv', asOf: '2020-10-19', version: '20201019204802', regions: ['eu-west-3'], products: 5, ec2Prices: [] });
    expect(Object.fromEntries(r.servicePrices.map((s) => [s.key, [s.unit, s.usd]]))).toEqual({
      'ebs:st1:storage': ['GB-month', '0.053'],
      'ebs:io1:storage': ['GB-month', '0.145'],
      'ebs:gp2:storage': ['GB-month', '0.116'],
      'ebs:standard:io-requests': ['million-requests', '0.058'],
      'ebs:io1:iops': ['IOPS-month', '0.076'],
    });
    expect(r.servicePrices.every((s) => s.region === 'eu-west-3' && s.basis.source === 'aws-offer-file' && s.basis.asOf === '2020-10-19')).toBe(true);
  });
});
