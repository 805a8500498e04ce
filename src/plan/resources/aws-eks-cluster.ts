/** aws_eks_cluster: the control plane, billed per cluster-hour. */
import { eksClusterHour } from '../../catalog/service-keys.js';
import { dec } from '../../money/index.js';
import { service } from '../components.js';
import type { ResourceModel } from '../resource-model.js';

export const awsEksCluster: ResourceModel = {
  types: ['aws_eks_cluster'],
  components: ({ region }) => [{ name: 'EKS cluster', unit: 'hours', hourlyQuantity: dec(1), price: service(region, eksClusterHour()) }],
};
