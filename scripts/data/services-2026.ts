/**
 * Dated excerpts of AWS list prices (2025–2026) for DynamoDB, SQS, S3, data transfer, and a few Paris prices the
 * 2023 dump only estimated (ALB, NAT, EBS gp3, RDS gp3 storage). Each figure was read from a public file that
 * copied it from an AWS Price List offer (with the offer's publication date or the date it was checked); the
 * repository, path and commit are recorded as the source's origin in data/manifest.json.
 * Prices are on-demand list prices, first tier unless the key says otherwise; free tiers are not deducted.
 * Per-request prices are stored per million (AWS publishes them per request or per 1,000).
 */
import * as K from '../../src/catalog/service-keys.js';
import type { ManifestSource } from './part.js';

export interface Excerpt {
  readonly region: string;
  readonly key: string;
  readonly unit: string;
  readonly usd: string;
  readonly description: string;
  readonly source: string;
  /** Offer publication date, else the date the figure was checked. */
  readonly asOf: string;
}

const MRU = 'million-request-units';
const MREQ = 'million-requests';

const IE = 'aws-offers-eu-west-1-2026';
const IE_SQS = 'aws-offers-eu-west-1-sqs-2026';
const IE_DDB_PROV = 'aws-price-list-eu-west-1-dynamodb-2025';
const PAR = 'aws-offers-eu-west-3-2026';
const FRA_S3 = 'aws-price-list-eu-central-1-s3-2026';
const USE_DT = 'aws-offers-us-east-1-transfer-2026';
const USE_PAGES = 'aws-pricing-pages-us-east-1-2026';

export const EXCERPTS: readonly Excerpt[] = [
  // eu-west-1, AWS offer files (AmazonDynamoDB 20260911124422, AmazonS3 20260928230416, AWSDataTransfer 20260916132208)
  { region: 'eu-west-1', key: K.dynamodbRequestUnits('rru'), unit: MRU, usd: '0.1415', description: 'DynamoDB on-demand read request units (EU-ReadRequestUnits, SKU 3ERQSZWPAMX2JWHN: 0.0000001415 per RRU)', source: IE, asOf: '2026-09-11' },
  { region: 'eu-west-1', key: K.dynamodbRequestUnits('wru'), unit: MRU, usd: '0.705', description: 'DynamoDB on-demand write request units (EU-WriteRequestUnits, SKU F4EZE5SAMS3D49NJ: 0.000000705 per WRU)', source: IE, asOf: '2026-09-11' },
  { region: 'eu-west-1', key: K.dynamodbStorage(), unit: 'GB-month', usd: '0.283', description: 'DynamoDB Standard table storage (EU-TimedStorage-ByteHrs, SKU E6MS5SS3AMMHBJC6; the first 25 GB-months per account are free, not deducted)', source: IE, asOf: '2026-09-11' },
  { region: 'eu-west-1', key: K.s3StandardStorage(1), unit: 'GB-month', usd: '0.023', description: 'S3 Standard storage, first 50 TB/month (EU-TimedStorage-ByteHrs, SKU 4AJHPB29ZPVFADXP)', source: IE, asOf: '2026-09-28' },
  { region: 'eu-west-1', key: K.s3Requests(1), unit: MREQ, usd: '5', description: 'S3 Standard PUT, COPY, POST, LIST requests (EU-Requests-Tier1, SKU 578M9UJHH6X5PZVC: $0.005 per 1,000)', source: IE, asOf: '2026-09-28' },
  { region: 'eu-west-1', key: K.s3Requests(2), unit: MREQ, usd: '0.4', description: 'S3 Standard GET and all other requests (EU-Requests-Tier2, SKU ZCQD4CM637S7D8U5: $0.004 per 10,000)', source: IE, asOf: '2026-09-28' },
  { region: 'eu-west-1', key: K.internetEgress(1), unit: 'GB', usd: '0.09', description: 'Data transfer out to the internet, first 10 TB/month (EU-DataTransfer-Out-Bytes, SKU FSEU4E6BRE95JTX8; the global 100 GB free tier is not deducted)', source: IE, asOf: '2026-09-16' },
  { region: 'eu-west-1', key: K.sqsRequests('standard'), unit: MREQ, usd: '0.40', description: 'SQS standard queue requests, first 100 billion/month (EU-Requests-Tier1; the first million per account are free, not deducted)', source: IE_SQS, asOf: '2026-09-11' },
  { region: 'eu-west-1', key: K.sqsRequests('fifo'), unit: MREQ, usd: '0.50', description: 'SQS FIFO queue requests, first 100 billion/month (EU-Requests-FIFO-Tier1)', source: IE_SQS, asOf: '2026-09-11' },
  { region: 'eu-west-1', key: K.dynamodbCapacityHour('rcu'), unit: 'RCU-hour', usd: '0.000147', description: 'DynamoDB provisioned read capacity unit-hour (EU-ReadCapacityUnit-Hrs, SKU J7FH9ZNSN6J2RR9Q)', source: IE_DDB_PROV, asOf: '2025-08-28' },
  { region: 'eu-west-1', key: K.dynamodbCapacityHour('wcu'), unit: 'WCU-hour', usd: '0.000735', description: 'DynamoDB provisioned write capacity unit-hour (EU-WriteCapacityUnit-Hrs, SKU 36CGV8QUHJZG65HD)', source: IE_DDB_PROV, asOf: '2025-08-28' },

  // eu-west-3 (Paris), AWS offer files read on 2026-10-09 (publication dates per offer)
  { region: 'eu-west-3', key: K.s3StandardStorage(1), unit: 'GB-month', usd: '0.024', description: 'S3 Standard storage, first 50 TB/month (EUW3-TimedStorage-ByteHrs)', source: PAR, asOf: '2026-09-28' },
  { region: 'eu-west-3', key: K.s3Requests(1), unit: MREQ, usd: '5.3', description: 'S3 Standard PUT, COPY, POST, LIST requests (EUW3-Requests-Tier1: 0.0000053 per request)', source: PAR, asOf: '2026-09-28' },
  { region: 'eu-west-3', key: K.s3Requests(2), unit: MREQ, usd: '0.42', description: 'S3 Standard GET and all other requests (EUW3-Requests-Tier2: 0.00000042 per request)', source: PAR, asOf: '2026-09-28' },
  { region: 'eu-west-3', key: K.internetEgress(1), unit: 'GB', usd: '0.09', description: 'Data transfer out to the internet, first 10 TB/month (EUW3-DataTransfer-Out-Bytes)', source: PAR, asOf: '2026-09-16' },
  { region: 'eu-west-3', key: K.lbHour('alb'), unit: 'hour', usd: '0.02646', description: 'Application load balancer hour (EUW3-LoadBalancerUsage)', source: PAR, asOf: '2026-09-11' },
  { region: 'eu-west-3', key: K.lbLcu('alb'), unit: 'LCU-hour', usd: '0.0084', description: 'Application load balancer capacity unit hour (EUW3-LCUUsage)', source: PAR, asOf: '2026-09-11' },
  { region: 'eu-west-3', key: K.natHour(), unit: 'hour', usd: '0.05', description: 'NAT gateway hour (EUW3-NatGateway-Hours)', source: PAR, asOf: '2026-10-08' },
  { region: 'eu-west-3', key: K.natDataProcessed(), unit: 'GB', usd: '0.05', description: 'NAT gateway data processed (EUW3-NatGateway-Bytes)', source: PAR, asOf: '2026-10-08' },
  { region: 'eu-west-3', key: K.ebsStorage('gp3'), unit: 'GB-month', usd: '0.0928', description: 'EBS gp3 storage (EUW3-EBS:VolumeUsage.gp3)', source: PAR, asOf: '2026-10-08' },
  { region: 'eu-west-3', key: K.rdsStorage('gp3', 'single-az'), unit: 'GB-month', usd: '0.133', description: 'RDS gp3 storage, Single-AZ (EUW3-RDS:GP3-Storage, PostgreSQL row; the open-source engines share this price)', source: PAR, asOf: '2026-10-06' },

  // eu-central-1 (Frankfurt), AWS Price List SKUs checked 2026-06-30
  { region: 'eu-central-1', key: K.s3StandardStorage(1), unit: 'GB-month', usd: '0.0245', description: 'S3 Standard storage, first 50 TB/month (EUC1-TimedStorage-ByteHrs, SKU NRYRNCXF5TWHB476)', source: FRA_S3, asOf: '2026-06-30' },
  { region: 'eu-central-1', key: K.s3Requests(1), unit: MREQ, usd: '5.4', description: 'S3 Standard PUT, COPY, POST, LIST requests (EUC1-Requests-Tier1, SKU F5832W93RMW27RD7: 0.0000054 per request)', source: FRA_S3, asOf: '2026-06-30' },
  { region: 'eu-central-1', key: K.s3Requests(2), unit: MREQ, usd: '0.43', description: 'S3 Standard GET and all other requests (EUC1-Requests-Tier2, SKU TUSXZSTYY6YJH244: 0.00000043 per request)', source: FRA_S3, asOf: '2026-06-30' },

  // us-east-1, AWSDataTransfer offer 20260916132208
  { region: 'us-east-1', key: K.internetEgress(1), unit: 'GB', usd: '0.09', description: 'Data transfer out to the internet, first 10 TB/month (DataTransfer-Out-Bytes)', source: USE_DT, asOf: '2026-09-16' },
  { region: 'us-east-1', key: K.internetEgress(2), unit: 'GB', usd: '0.085', description: 'Data transfer out to the internet, next 40 TB/month (DataTransfer-Out-Bytes)', source: USE_DT, asOf: '2026-09-16' },
  { region: 'us-east-1', key: K.internetEgress(3), unit: 'GB', usd: '0.07', description: 'Data transfer out to the internet, next 100 TB/month (DataTransfer-Out-Bytes)', source: USE_DT, asOf: '2026-09-16' },
  { region: 'us-east-1', key: K.internetEgress(4), unit: 'GB', usd: '0.05', description: 'Data transfer out to the internet, over 150 TB/month (DataTransfer-Out-Bytes)', source: USE_DT, asOf: '2026-09-16' },
  { region: 'us-east-1', key: K.interAzTransfer(), unit: 'GB', usd: '0.01', description: 'Data transfer between availability zones, per GB in each direction (DataTransfer-Regional-Bytes)', source: USE_DT, asOf: '2026-09-16' },
  // us-east-1, AWS pricing pages (DynamoDB on-demand after the November 2024 price cut, provisioned, S3)
  { region: 'us-east-1', key: K.dynamodbRequestUnits('rru'), unit: MRU, usd: '0.125', description: 'DynamoDB on-demand read request units, Standard table class', source: USE_PAGES, asOf: '2026-10-04' },
  { region: 'us-east-1', key: K.dynamodbRequestUnits('wru'), unit: MRU, usd: '0.625', description: 'DynamoDB on-demand write request units, Standard table class', source: USE_PAGES, asOf: '2026-10-04' },
  { region: 'us-east-1', key: K.dynamodbStorage(), unit: 'GB-month', usd: '0.25', description: 'DynamoDB Standard table storage (the first 25 GB per account are free, not deducted)', source: USE_PAGES, asOf: '2026-10-04' },
  { region: 'us-east-1', key: K.dynamodbCapacityHour('rcu'), unit: 'RCU-hour', usd: '0.00013', description: 'DynamoDB provisioned read capacity unit-hour', source: USE_PAGES, asOf: '2026-07-30' },
  { region: 'us-east-1', key: K.dynamodbCapacityHour('wcu'), unit: 'WCU-hour', usd: '0.00065', description: 'DynamoDB provisioned write capacity unit-hour', source: USE_PAGES, asOf: '2026-07-30' },
  { region: 'us-east-1', key: K.s3StandardStorage(1), unit: 'GB-month', usd: '0.023', description: 'S3 Standard storage, first 50 TB/month', source: USE_PAGES, asOf: '2026-10-04' },
  { region: 'us-east-1', key: K.s3Requests(1), unit: MREQ, usd: '5', description: 'S3 Standard PUT, COPY, POST, LIST requests ($0.005 per 1,000)', source: USE_PAGES, asOf: '2026-10-04' },
  { region: 'us-east-1', key: K.s3Requests(2), unit: MREQ, usd: '0.4', description: 'S3 Standard GET and all other requests ($0.0004 per 1,000)', source: USE_PAGES, asOf: '2026-10-04' },
];

const offer = (service: string, version: string, region: string): string => `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${service}/${version}/${region}/index.json`;

export const EXCERPT_SOURCES: readonly ManifestSource[] = [
  {
    id: IE,
    description: 'AWS offer-file rows for eu-west-1: DynamoDB on-demand request units and storage, S3 Standard storage and requests, internet egress first tier',
    asOf: '2026-10-04',
    origin: 'henderjm/world-cup-sweepstake docs/costs/aws-ireland-rates.json @ 57a6d34 (SKU, usage type, price, offer URL and publication date per row; checked 2026-10-04)',
    files: [],
    notes: [
      `offers: ${offer('AmazonDynamoDB', '20260911124422', 'eu-west-1')}, ${offer('AmazonS3', '20260928230416', 'eu-west-1')}, ${offer('AWSDataTransfer', '20260916132208', 'eu-west-1')}`,
      'transcribed by hand into scripts/data/services-2026.ts; per-request prices × 1,000,000',
    ],
  },
  {
    id: IE_SQS,
    description: 'AWS offer-file tiers for SQS standard and FIFO requests in eu-west-1',
    asOf: '2026-09-11',
    origin: 'mamtha4u/SDLC backend/config/pricing_eu-west-1.json @ 45b7bae (AWSQueueService offer published 2026-09-11T12:46:07Z, fetched 2026-10-02)',
    files: [],
    notes: [`offer: https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSQueueService/current/eu-west-1/index.json`, 'first tier only (up to 100 billion requests a month); the 1 million free requests are not deducted'],
  },
  {
    id: IE_DDB_PROV,
    description: 'AWS Price List API prices of DynamoDB provisioned capacity in eu-west-1 (RCU and WCU hours)',
    asOf: '2025-08-28',
    origin: 'AWS Price List API, service AmazonDynamoDB, SKUs J7FH9ZNSN6J2RR9Q and 36CGV8QUHJZG65HD, as quoted (verified 2025-08-28) in a public price-audit note found with the search index (repository not identified)',
    files: [],
  },
  {
    id: PAR,
    description: 'AWS offer-file prices for eu-west-3 (Paris): S3 Standard, internet egress, ALB, NAT gateway, EBS gp3, RDS gp3 storage',
    asOf: '2026-10-09',
    origin: 'oceanegohiertallon/Rattrapage-semestre-2 c1-aws/estimation/resultat-estimation.md @ 8b66e54 (generated from the current eu-west-3 offer files on 2026-10-09; publication dates listed per offer)',
    files: [],
    notes: ['offers: AmazonS3 2026-09-28, AWSDataTransfer 2026-09-16, AWSELB 2026-09-11, AmazonEC2 2026-10-08, AmazonRDS 2026-10-06'],
  },
  {
    id: FRA_S3,
    description: 'AWS Price List API prices of S3 Standard storage and requests in eu-central-1',
    asOf: '2026-06-30',
    origin: 'renuvex/renuvex-product-reviews docs/wiki/10_Research/Review_Image_CDN_Cost_Model.md @ 6b2098e (SKUs and usage types, checked 2026-06-30)',
    files: [],
  },
  {
    id: USE_DT,
    description: 'AWS offer-file prices of data transfer in us-east-1: internet egress tiers and inter-AZ',
    asOf: '2026-09-16',
    origin: `${offer('AWSDataTransfer', '20260916132208', 'us-east-1')}, as printed in a public course page ("The seam: what the link costs", found with the search index; repository not identified)`,
    files: [],
    notes: ['tiers in GB as the offer counts them: 0–10,240, 10,240–51,200, 51,200–153,600, above 153,600'],
  },
  {
    id: USE_PAGES,
    description: 'AWS pricing pages for us-east-1: DynamoDB on-demand and provisioned, S3 Standard',
    asOf: '2026-10-04',
    origin: 'https://aws.amazon.com/dynamodb/pricing/on-demand/, /dynamodb/pricing/provisioned/, https://aws.amazon.com/s3/pricing/, as quoted with check dates 2026-07-30 (provisioned) and 2026-10-04 (on-demand, S3) in public design notes found with the search index',
    files: [],
    notes: ['on-demand request prices are those after the November 2024 cut (0.125/0.625 per million); older summaries quote 0.25/1.25'],
  },
];
