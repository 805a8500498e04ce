/**
 * Small AWS facts the CUR mapper needs: product code → FOCUS ServiceCategory for the common
 * services, and the region encoded as a usage-type prefix ("USE1-…", "EUW2-…").
 */

const CATEGORY: Record<string, string> = {
  AmazonEC2: 'Compute',
  AWSLambda: 'Compute',
  AmazonECS: 'Compute',
  AmazonEKS: 'Compute',
  AWSFargate: 'Compute',
  AmazonLightsail: 'Compute',
  AWSBatch: 'Compute',
  ElasticMapReduce: 'Analytics',
  AmazonAthena: 'Analytics',
  AWSGlue: 'Analytics',
  AmazonKinesis: 'Analytics',
  AmazonKinesisFirehose: 'Analytics',
  AmazonES: 'Analytics',
  AmazonQuickSight: 'Analytics',
  AmazonMSK: 'Analytics',
  AmazonRedshift: 'Databases',
  AmazonRDS: 'Databases',
  AmazonDynamoDB: 'Databases',
  AmazonElastiCache: 'Databases',
  AmazonDocDB: 'Databases',
  AmazonNeptune: 'Databases',
  AmazonS3: 'Storage',
  AmazonEFS: 'Storage',
  AmazonFSx: 'Storage',
  AmazonS3GlacierDeepArchive: 'Storage',
  AmazonGlacier: 'Storage',
  AWSBackup: 'Storage',
  AWSStorageGateway: 'Storage',
  AmazonVPC: 'Networking',
  AWSDataTransfer: 'Networking',
  AmazonCloudFront: 'Networking',
  AmazonRoute53: 'Networking',
  AWSELB: 'Networking',
  AWSDirectConnect: 'Networking',
  AWSGlobalAccelerator: 'Networking',
  AmazonApiGateway: 'Networking',
  AWSQueueService: 'Integration',
  AmazonSNS: 'Integration',
  AWSEvents: 'Integration',
  AmazonStates: 'Integration',
  AmazonMQ: 'Integration',
  AmazonCloudWatch: 'Management and Governance',
  AWSCloudTrail: 'Management and Governance',
  AWSConfig: 'Management and Governance',
  AWSSystemsManager: 'Management and Governance',
  AWSCostExplorer: 'Management and Governance',
  AWSSupportBusiness: 'Management and Governance',
  AWSSupportEnterprise: 'Management and Governance',
  awskms: 'Security',
  AWSSecretsManager: 'Security',
  AWSShield: 'Security',
  awswaf: 'Security',
  AmazonGuardDuty: 'Security',
  AmazonInspector: 'Security',
  AWSSecurityHub: 'Security',
  AmazonCognito: 'Identity',
  AWSDirectoryService: 'Identity',
  AmazonSageMaker: 'AI and Machine Learning',
  AmazonBedrock: 'AI and Machine Learning',
  AmazonRekognition: 'AI and Machine Learning',
  AmazonTextract: 'AI and Machine Learning',
  AmazonECR: 'Developer Tools',
  AWSCodeBuild: 'Developer Tools',
  AWSCodePipeline: 'Developer Tools',
  AWSCodeArtifact: 'Developer Tools',
  AWSIoT: 'Internet of Things',
  AmazonSES: 'Business Applications',
  AmazonConnect: 'Business Applications',
  AmazonWorkSpaces: 'Business Applications',
  AWSDatabaseMigrationSvc: 'Migration',
  AWSTransfer: 'Migration',
  AWSAmplify: 'Web',
  AWSElementalMediaConvert: 'Media',
};

/** FOCUS ServiceCategory of an AWS product code; "Other" when not in the table, null when no code. */
export function serviceCategory(productCode: string | null): string | null {
  if (productCode === null) return null;
  return CATEGORY[productCode] ?? 'Other';
}

const USAGE_PREFIX: Record<string, string> = {
  USE1: 'us-east-1',
  USE2: 'us-east-2',
  USW1: 'us-west-1',
  USW2: 'us-west-2',
  CAN1: 'ca-central-1',
  SAE1: 'sa-east-1',
  EUC1: 'eu-central-1',
  EUC2: 'eu-central-2',
  EUW1: 'eu-west-1',
  EUW2: 'eu-west-2',
  EUW3: 'eu-west-3',
  EUN1: 'eu-north-1',
  EUS1: 'eu-south-1',
  EUS2: 'eu-south-2',
  APN1: 'ap-northeast-1',
  APN2: 'ap-northeast-2',
  APN3: 'ap-northeast-3',
  APS1: 'ap-southeast-1',
  APS2: 'ap-southeast-2',
  APS3: 'ap-south-1',
  APS4: 'ap-southeast-3',
  APE1: 'ap-east-1',
  MES1: 'me-south-1',
  MEC1: 'me-central-1',
  AFS1: 'af-south-1',
  ILC1: 'il-central-1',
  UGW1: 'us-gov-west-1',
  UGE1: 'us-gov-east-1',
};

/** Region from a usage type prefix ("USW1-EBS-…" → us-west-1), else null. */
export function regionFromUsageType(usageType: string | null): string | null {
  if (usageType === null) return null;
  const dash = usageType.indexOf('-');
  return dash === 4 ? (USAGE_PREFIX[usageType.slice(0, 4)] ?? null) : null;
}

/** Region of an availability zone: "us-west-1a" → "us-west-1"; AZ ids ("use1-az1") → null. */
export function regionFromZone(zone: string | null): string | null {
  if (zone === null) return null;
  const m = /^([a-z]{2}(?:-gov)?-[a-z]+-\d+)[a-z]$/.exec(zone);
  return m ? (m[1] ?? null) : null;
}

/** Resource type from an ARN ("arn:aws:ec2:…:instance/i-1" → "instance"), else null. */
export function resourceTypeFromArn(resourceId: string | null): string | null {
  if (resourceId === null || !resourceId.startsWith('arn:')) return null;
  const parts = resourceId.split(':');
  const resource = parts[5];
  if (resource === undefined) return null;
  const slash = resource.indexOf('/');
  if (slash > 0) return resource.slice(0, slash);
  return parts.length > 6 ? resource : (parts[2] ?? null);
}
