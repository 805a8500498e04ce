/**
 * Pricing API GetProducts with the real SDK client against the loopback server, on nuage's own recorded-
 * shape pages (test/aws/fixtures/api/GetProducts): runs on every machine, with or without ../shared.
 */
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchEc2Prices, productFilters } from '../../src/aws/pricing.js';
import { clientConfig, jsonError, startAwsLoopback, type AwsLoopback, type AwsRequest } from '../support/aws-loopback.js';
import { getProductsPages, productOf, type GetProductsPage } from './api-fixtures.js';

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
beforeEach(() => {
  loopback.requests.length = 0;
});

const tokenOf = (req: AwsRequest) => (req.json as { NextToken?: string }).NextToken;

/** Serves page 1 without a token, page 2 for page 1's NextToken; any other token is an error. */
function serve(pages: readonly [GetProductsPage, GetProductsPage] = getProductsPages()) {
  loopback.on('GetProducts', (req) => {
    const token = tokenOf(req);
    if (token === undefined) return { body: pages[0] };
    if (token === pages[0].NextToken) return { body: pages[1] };
    return jsonError(400, 'InvalidNextTokenException', `unknown NextToken ${token}`);
  });
}

describe('GetProducts on own recorded pages (real SDK client, loopback)', () => {
  it('hands PriceList elements over as JSON strings', async () => {
    serve();
    const out = await client.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2' }));
    expect(out.PriceList).toHaveLength(2);
    const first = out.PriceList![0] as unknown;
    expect(typeof first === 'string' || first instanceof String).toBe(true);
    expect(JSON.parse(String(first)).product.sku).toBe('NUAGEEC2M5LARGE1');
    expect(out.NextToken).toBe(getProductsPages()[0].NextToken);
  });

  it('follows NextToken to the last page and maps every product, dated by publicationDate', async () => {
    serve();
    const r = await fetchEc2Prices(client, { region: 'eu-west-3' });
    expect(loopback.requests.map(tokenOf)).toEqual([undefined, 'nuage/eu-west-3/AmazonEC2:MjpOVUFHRUVDMk01WExBUkdF']);
    expect([r.pages, r.products, r.asOf, r.regions, r.skipped, r.servicePrices]).toEqual([2, 3, '2025-06-02', ['eu-west-3'], {}, []]);
    expect(r.ec2Prices.map((p) => [p.instanceType, p.onDemand?.usdPerHour, p.reserved.length])).toEqual([
      ['m5.large', '0.112', 12],
      ['m5.xlarge', '0.224', 2],
      ['t3.micro', '0.0118', 0],
    ]);
    expect(r.ec2Prices[0]!.onDemand).toEqual({ usdPerHour: '0.112', basis: { kind: 'exact', source: 'aws-pricing-api', asOf: '2025-06-02' } });
    // Every request asks for the same Linux / shared-tenancy products of the region.
    for (const req of loopback.requests) {
      expect(req.headers['x-amz-target']).toBe('AWSPriceListService.GetProducts');
      expect(req.json).toMatchObject({
        ServiceCode: 'AmazonEC2',
        FormatVersion: 'aws_v1',
        MaxResults: 100,
        Filters: [
          { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-3' },
          { Type: 'TERM_MATCH', Field: 'operatingSystem', Value: 'Linux' },
          { Type: 'TERM_MATCH', Field: 'tenancy', Value: 'Shared' },
          { Type: 'TERM_MATCH', Field: 'preInstalledSw', Value: 'NA' },
          { Type: 'TERM_MATCH', Field: 'capacitystatus', Value: 'Used' },
        ],
      });
    }
  });

  it('reads the 12 reserved offers: upfront fee, recurring hourly, effective hourly = upfront ÷ term hours + hourly', async () => {
    serve();
    const r = await fetchEc2Prices(client, { region: 'eu-west-3' });
    const rates = (type: string) =>
      Object.fromEntries(r.ec2Prices.find((p) => p.instanceType === type)!.reserved.map((x) => [`${x.term} ${x.offeringClass} ${x.paymentOption}`, [x.upfrontUsd, x.usdPerHour, x.effectiveUsdPerHour]]));
    // 1 yr = 8,760 h, 3 yr = 26,280 h; the fixture's fees are whole multiples of those hours.
    expect(rates('m5.large')).toEqual({
      '1yr standard no-upfront': ['0', '0.07', '0.07'],
      '1yr standard partial-upfront': ['306.6', '0.034', '0.069'], // 306.6 / 8760 = 0.035
      '1yr standard all-upfront': ['586.92', '0', '0.067'], // 586.92 / 8760
      '3yr standard no-upfront': ['0', '0.046', '0.046'],
      '3yr standard partial-upfront': ['525.6', '0.022', '0.042'], // 525.6 / 26280 = 0.02
      '3yr standard all-upfront': ['1077.48', '0', '0.041'], // 1077.48 / 26280
      '1yr convertible no-upfront': ['0', '0.08', '0.08'],
      '1yr convertible partial-upfront': ['350.4', '0.039', '0.079'], // 350.4 / 8760 = 0.04
      '1yr convertible all-upfront': ['683.28', '0', '0.078'], // 683.28 / 8760
      '3yr convertible no-upfront': ['0', '0.056', '0.056'],
      '3yr convertible partial-upfront': ['630.72', '0.027', '0.051'], // 630.72 / 26280 = 0.024
      '3yr convertible all-upfront': ['1314', '0', '0.05'], // 1314 / 26280
    });
    // 1000 / 8760 = 25/219 = 0.11415525 11415525 11415525… kept to 20 decimals, the last rounded half up.
    expect(rates('m5.xlarge')).toEqual({
      '1yr standard no-upfront': ['0', '0.14', '0.14'],
      '1yr standard all-upfront': ['1000', '0', '0.11415525114155251142'],
    });
  });

  it('a malformed element on page 2 fails naming the page, row and field', async () => {
    const [one, two] = getProductsPages();
    const t3 = productOf('t3.micro');
    const broken = JSON.stringify(t3).replace('"pricePerUnit":{"USD":"0.0118000000"}', '"pricePerUnit":{}');
    expect(broken).not.toBe(JSON.stringify(t3));
    serve([one, { ...two, PriceList: [broken] }]);
    await expect(fetchEc2Prices(client, { region: 'eu-west-3' })).rejects.toThrow(
      'GetProducts page 2, row 1, field "PriceList[0].terms.OnDemand.NUAGEEC2T3MICRO1.JRTCKXETXF.priceDimensions.NUAGEEC2T3MICRO1.JRTCKXETXF.6YS6EN2CT7.pricePerUnit.USD": missing',
    );
  });

  it('a truncated element fails as not JSON; a reserved term without its upfront fee names the term', async () => {
    const [one, two] = getProductsPages();
    serve([{ ...one, PriceList: [one.PriceList[0]!, one.PriceList[1]!.slice(0, 300)] }, two]);
    await expect(fetchEc2Prices(client, { region: 'eu-west-3' })).rejects.toThrow(/^GetProducts page 1, row 2, field "PriceList\[1\]": not valid JSON/);
    const xl = productOf('m5.xlarge') as unknown as { terms: { Reserved: Record<string, { priceDimensions: Record<string, { unit: string }> }> } };
    const allUpfront = xl.terms.Reserved['NUAGEEC2M5XLARGE.6QCMYABX3D']!;
    delete allUpfront.priceDimensions['NUAGEEC2M5XLARGE.6QCMYABX3D.2TG2D8R56U'];
    serve([{ ...one, PriceList: [one.PriceList[0]!, JSON.stringify(xl)] }, two]);
    await expect(fetchEc2Prices(client, { region: 'eu-west-3' })).rejects.toThrow(
      'GetProducts page 1, row 2, field "PriceList[1].terms.Reserved.NUAGEEC2M5XLARGE.6QCMYABX3D.priceDimensions": All Upfront term has no "Quantity" (upfront fee) price',
    );
  });

  it('stops with an error when a page repeats the NextToken it was asked for', async () => {
    const [one] = getProductsPages();
    loopback.on('GetProducts', () => ({ body: one }));
    await expect(fetchEc2Prices(client, { region: 'eu-west-3' })).rejects.toThrow('GetProducts page 2: the response repeats the NextToken of its request; stopping instead of looping');
    expect(loopback.requests.map(tokenOf)).toEqual([undefined, one.NextToken]);
  });

  it('an AWS refusal is explained with the permissions the refresh needs', async () => {
    loopback.on('GetProducts', () => jsonError(400, 'AccessDeniedException', 'User is not authorized to perform: pricing:GetProducts'));
    await expect(fetchEc2Prices(client, { region: 'eu-west-3' })).rejects.toThrow(
      /^GetProducts page 1: AWS refused the credentials \(AccessDeniedException: User is not authorized to perform: pricing:GetProducts\)\. The refresh needs pricing:GetProducts/,
    );
  });
});

describe('productFilters', () => {
  it('asks for one type with TERM_MATCH, several with one ANY_OF filter', () => {
    expect(productFilters({ region: 'eu-west-3', instanceTypes: ['m5.large'] }).at(-1)).toEqual({ Type: 'TERM_MATCH', Field: 'instanceType', Value: 'm5.large' });
    expect(productFilters({ region: 'eu-west-3', instanceTypes: ['m5.large', 'm5.xlarge'] }).at(-1)).toEqual({ Type: 'ANY_OF', Field: 'instanceType', Value: 'm5.large,m5.xlarge' });
  });
});
