/** Every priced resource type, and the resource types known to cost nothing by themselves. */
import type { ResourceModel } from '../resource-model.js';
import { awsAutoscalingGroup } from './aws-autoscaling-group.js';
import { awsDbInstance } from './aws-db-instance.js';
import { awsDynamodbTable } from './aws-dynamodb-table.js';
import { awsEbsVolume } from './aws-ebs-volume.js';
import { awsEksCluster } from './aws-eks-cluster.js';
import { awsEksNodeGroup } from './aws-eks-node-group.js';
import { awsElasticacheCluster } from './aws-elasticache-cluster.js';
import { awsInstance } from './aws-instance.js';
import { awsElb, awsLb } from './aws-lb.js';
import { awsNatGateway } from './aws-nat-gateway.js';
import { awsS3Bucket } from './aws-s3-bucket.js';
import { awsSqsQueue } from './aws-sqs-queue.js';

export const RESOURCE_MODELS: readonly ResourceModel[] = [
  awsInstance,
  awsAutoscalingGroup,
  awsEksNodeGroup,
  awsEksCluster,
  awsEbsVolume,
  awsDbInstance,
  awsNatGateway,
  awsLb,
  awsElb,
  awsDynamodbTable,
  awsElasticacheCluster,
  awsSqsQueue,
  awsS3Bucket,
];

const BY_TYPE = new Map<string, ResourceModel>(RESOURCE_MODELS.flatMap((m) => m.types.map((t) => [t, m] as const)));

export function resourceModel(type: string): ResourceModel | undefined {
  return BY_TYPE.get(type);
}

const RELATED_TYPES = new Set<string>(RESOURCE_MODELS.flatMap((m) => m.relatedTypes ?? []));

/**
 * Whether costing reads the values of a resource of this type: priced types and the types they refer to
 * (launch templates…). The values of the others are not kept when a plan is read for costing.
 */
export function valuesNeeded(type: string): boolean {
  return BY_TYPE.has(type) || RELATED_TYPES.has(type);
}

/** AWS resource types with no charge of their own (their cost shows up on the resources that use them). */
export const FREE_TYPES: ReadonlySet<string> = new Set([
  'aws_autoscaling_attachment',
  'aws_autoscaling_lifecycle_hook',
  'aws_autoscaling_notification',
  'aws_autoscaling_policy',
  'aws_autoscaling_schedule',
  'aws_db_option_group',
  'aws_db_parameter_group',
  'aws_db_subnet_group',
  'aws_default_network_acl',
  'aws_default_route_table',
  'aws_default_security_group',
  'aws_default_subnet',
  'aws_default_vpc',
  'aws_eip_association',
  'aws_eks_addon',
  'aws_eks_access_entry',
  'aws_eks_access_policy_association',
  'aws_eks_identity_provider_config',
  'aws_elasticache_parameter_group',
  'aws_elasticache_subnet_group',
  'aws_iam_access_key',
  'aws_iam_group',
  'aws_iam_group_membership',
  'aws_iam_group_policy',
  'aws_iam_group_policy_attachment',
  'aws_iam_instance_profile',
  'aws_iam_openid_connect_provider',
  'aws_iam_policy',
  'aws_iam_policy_attachment',
  'aws_iam_role',
  'aws_iam_role_policy',
  'aws_iam_role_policy_attachment',
  'aws_iam_user',
  'aws_iam_user_policy',
  'aws_iam_user_policy_attachment',
  'aws_internet_gateway',
  'aws_key_pair',
  'aws_kms_alias',
  'aws_launch_configuration',
  'aws_launch_template',
  'aws_lb_listener',
  'aws_lb_listener_rule',
  'aws_lb_target_group',
  'aws_lb_target_group_attachment',
  'aws_alb_listener',
  'aws_alb_target_group',
  'aws_alb_target_group_attachment',
  'aws_main_route_table_association',
  'aws_network_acl',
  'aws_network_acl_rule',
  'aws_network_interface',
  'aws_network_interface_attachment',
  'aws_placement_group',
  'aws_route',
  'aws_route_table',
  'aws_route_table_association',
  'aws_s3_bucket_acl',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_security_group',
  'aws_security_group_rule',
  'aws_subnet',
  'aws_volume_attachment',
  'aws_vpc',
  'aws_vpc_dhcp_options',
  'aws_vpc_dhcp_options_association',
  'aws_vpc_security_group_egress_rule',
  'aws_vpc_security_group_ingress_rule',
]);

/** Providers whose resources never bill anything (local helpers). */
export const FREE_PROVIDERS: ReadonlySet<string> = new Set(['null', 'random', 'tls', 'local', 'time', 'template', 'archive', 'external', 'http', 'terraform']);
