/** Source ids of prices refreshed from AWS or imported from offer files (recorded in every basis). */
export const PRICING_API_SOURCE = 'aws-pricing-api';
export const OFFER_FILE_SOURCE = 'aws-offer-file';
export const EC2_API_SOURCE = 'aws-ec2-api';

export const LIVE_SOURCE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [PRICING_API_SOURCE]: 'AWS Price List Query API (GetProducts): EC2 on-demand and reserved (Linux, shared tenancy), and service prices (EBS, NAT, RDS, ELB, EKS, ElastiCache, DynamoDB, CloudWatch…)',
  [OFFER_FILE_SOURCE]: 'AWS bulk price-list offer files (AmazonEC2, AmazonRDS, AWSELB, …): on-demand, reserved and service prices',
  [EC2_API_SOURCE]: 'EC2 API: DescribeInstanceTypes facts and DescribeSpotPriceHistory 30-day averages',
};
