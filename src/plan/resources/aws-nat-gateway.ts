/** aws_nat_gateway: hours, and data processed (usage: monthly_data_processed_gb). Private NAT gateways too. */
import { natDataProcessed, natHour } from '../../catalog/service-keys.js';
import { dec } from '../../money/index.js';
import { service } from '../components.js';
import type { ResourceModel } from '../resource-model.js';

export const awsNatGateway: ResourceModel = {
  types: ['aws_nat_gateway'],
  components: ({ region }) => [
    { name: 'NAT gateway', unit: 'hours', hourlyQuantity: dec(1), price: service(region, natHour()) },
    { name: 'Data processed', unit: 'GB', usageKey: 'monthly_data_processed_gb', price: service(region, natDataProcessed()) },
  ],
};
