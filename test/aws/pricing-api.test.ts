/**
 * Pricing API GetProducts on the recorded responses of ../shared/corpora/ec2_pricing_api, read in place
 * (skipped when absent); the same edges on nuage's own pages run always (pricing-api-fixtures.test.ts).
 */
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchEc2Prices } from '../../src/aws/pricing.js';
import { clientConfig, startAwsLoopback, type AwsLoopback } from '../support/aws-loopback.js';
import { haveCorpus } from '../support/corpora.js';
import { cliExample, m5LargeProduct, renamedProduct, SELECTOR } from './recorded.js';

describe.skipIf(!haveCorpus(SELECTOR, 'Pricing API GetProducts via loopback'))('Pricing API GetProducts (real SDK client, loopback)', () => {
  let loopback: AwsLoopback;
  let client: PricingClient;
  beforeAll(async () => {
    loopback = await startAwsLoopback();
    client = new PricingClient(clientConfig(loopback, 'us-east-1'));
  });
  afterAll(async () => {
    client.destroy();
    await loopback.close();
  });

  it('delivers PriceList elements as JSON strings that must be parsed again', async () => {
    loopback.on('GetProducts', () => ({ body: { FormatVersion: 'aws_v1', PriceList: [JSON.stringify(m5LargeProduct())] } }));
    const out = await client.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2' }));
    const element = out.PriceList?.[0] as unknown;
    expect(typeof element === 'string' || element instanceof String).toBe(true);
    expect(JSON.parse(String(element)).product.attributes.instanceType).toBe('m5.large');
  });

  it('maps m5.large: on-demand 0.096 USD/h and the 12 reserved offers, dated by publicationDate', async () => {
    loopback.requests.length = 0;
    loopback.on('GetProducts', () => ({ body: { FormatVersion: 'aws_v1', PriceList: [JSON.stringify(m5LargeProduct())] } }));
    const r = await fetchEc2Prices(client, { region: 'us-east-1', instanceTypes: ['m5.large'] });
    expect(r.asOf).toBe('2021-02-05');
    expect(r.pages).toBe(1);
    expect(r.ec2Prices).toHaveLength(1);
    const p = r.ec2Prices[0]!;
    expect(p).toMatchObject({ region: 'us-east-1', instanceType: 'm5.large', currency: 'USD' });
    expect(p.onDemand).toEqual({ usdPerHour: '0.096', basis: { kind: 'exact', source: 'aws-pricing-api', asOf: '2021-02-05' } });
    const rates = Object.fromEntries(p.reserved.map((x) => [`${x.term} ${x.offeringClass} ${x.paymentOption}`, [x.upfrontUsd, x.usdPerHour, x.effectiveUsdPerHour]]));
    expect(rates).toEqual({
      '1yr standard no-upfront': ['0', '0.06', '0.06'],
      '1yr standard partial-upfront': ['252', '0.029', '0.05776712328767123288'],
      '1yr standard all-upfront': ['494', '0', '0.05639269406392694064'],
      '3yr standard no-upfront': ['0', '0.041', '0.041'],
      '3yr standard partial-upfront': ['505', '0.019', '0.03821613394216133942'],
      '3yr standard all-upfront': ['949', '0', '0.03611111111111111111'],
      '1yr convertible no-upfront': ['0', '0.071', '0.071'],
      '1yr convertible partial-upfront': ['294', '0.034', '0.06756164383561643836'],
      '1yr convertible all-upfront': ['577', '0', '0.06586757990867579909'],
      '3yr convertible no-upfront': ['0', '0.049', '0.049'],
      '3yr convertible partial-upfront': ['592', '0.023', '0.04552663622526636225'],
      '3yr convertible all-upfront': ['1161', '0', '0.04417808219178082192'],
    });
    // The request carries the filters nuage prices with.
    const req = loopback.requests.at(-1)!;
    expect(req.headers['x-amz-target']).toBe('AWSPriceListService.GetProducts');
    expect(req.json).toMatchObject({ ServiceCode: 'AmazonEC2', FormatVersion: 'aws_v1' });
    expect((req.json as { Filters: unknown[] }).Filters).toEqual([
      { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' },
      { Type: 'TERM_MATCH', Field: 'operatingSystem', Value: 'Linux' },
      { Type: 'TERM_MATCH', Field: 'tenancy', Value: 'Shared' },
      { Type: 'TERM_MATCH', Field: 'preInstalledSw', Value: 'NA' },
      { Type: 'TERM_MATCH', Field: 'capacitystatus', Value: 'Used' },
      { Type: 'TERM_MATCH', Field: 'instanceType', Value: 'm5.large' },
    ]);
  });

  it('follows NextToken through every page (the real CLI example page, then the m5.large page)', async () => {
    const first = cliExample<{ NextToken: string; PriceList: string[]; FormatVersion: string }>('pricing__get-products__1.json');
    loopback.requests.length = 0;
    loopback.on('GetProducts', (req) => {
      const token = (req.json as { NextToken?: string }).NextToken;
      return token === first.NextToken
        ? { body: { FormatVersion: 'aws_v1', PriceList: [JSON.stringify(m5LargeProduct())] } }
        : { body: first };
    });
    const r = await fetchEc2Prices(client, { region: 'us-east-1' });
    expect(r.pages).toBe(2);
    expect(loopback.requests.map((q) => (q.json as { NextToken?: string }).NextToken)).toEqual([undefined, first.NextToken]);
    expect(r.ec2Prices.map((p) => [p.instanceType, p.onDemand?.usdPerHour])).toEqual([['m5.large', '0.096']]);
    // The Singapore io1 storage product has no volumeApiName: counted as skipped, not dropped silently.
    expect(r.products).toBe(2);
    expect(r.skipped).toEqual({ 'product family Storage': 1 });
  });

  it('reads 250 products over 5 pages of 50', async () => {
    const all = Array.from({ length: 250 }, (_, i) => renamedProduct(`x${i}.large`, `SKU${String(i).padStart(13, '0')}`));
    loopback.requests.length = 0;
    loopback.on('GetProducts', (req) => {
      const start = Number((req.json as { NextToken?: string }).NextToken ?? '0');
      const next = start + 50;
      return { body: { FormatVersion: 'aws_v1', PriceList: all.slice(start, next), ...(next < all.length ? { NextToken: String(next) } : {}) } };
    });
    const r = await fetchEc2Prices(client, { region: 'us-east-1' });
    expect(r.pages).toBe(5);
    expect(r.ec2Prices).toHaveLength(250);
    expect(new Set(r.ec2Prices.map((p) => p.instanceType)).size).toBe(250);
    expect(r.ec2Prices.every((p) => p.reserved.length === 12 && p.onDemand?.usdPerHour === '0.096')).toBe(true);
  });

  it('fails on a malformed page naming the page, element and field', async () => {
    const broken = JSON.stringify(m5LargeProduct()).replace('"pricePerUnit":{"USD":"0.0960000000"}', '"pricePerUnit":{}');
    loopback.on('GetProducts', (req) => {
      const token = (req.json as { NextToken?: string }).NextToken;
      return token ? { body: { PriceList: [renamedProduct('m5.xlarge', 'SKUOK'), broken] } } : { body: { PriceList: [renamedProduct('c5.large', 'SKU1')], NextToken: 'p2' } };
    });
    await expect(fetchEc2Prices(client, { region: 'us-east-1' })).rejects.toThrow(
      'GetProducts page 2, row 2, field "PriceList[1].terms.OnDemand.6C86BEPQVG73ZGGR.JRTCKXETXF.priceDimensions.6C86BEPQVG73ZGGR.JRTCKXETXF.6YS6EN2CT7.pricePerUnit.USD": missing',
    );
  });

  it('fails on a PriceList element that is not JSON (truncated page)', async () => {
    const text = JSON.stringify(m5LargeProduct());
    loopback.on('GetProducts', () => ({ body: { PriceList: [text.slice(0, 500)] } }));
    await expect(fetchEc2Prices(client, { region: 'us-east-1' })).rejects.toThrow(/^GetProducts page 1, row 1, field "PriceList\[0\]": not valid JSON/);
  });

  it('fails on a compute product without instance type', async () => {
    const text = JSON.stringify(m5LargeProduct()).replace('"instanceType":"m5.large",', '');
    loopback.on('GetProducts', () => ({ body: { PriceList: [text] } }));
    await expect(fetchEc2Prices(client, { region: 'us-east-1' })).rejects.toThrow(
      'GetProducts page 1, row 1, field "PriceList[0].product.attributes.instanceType": compute product 6C86BEPQVG73ZGGR has no instance type',
    );
  });
});
