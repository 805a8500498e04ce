/** aws_instance: compute by type and tenancy, root and EBS block devices, EBS-optimized, monitoring, T credits. */
import { dec } from '../../money/index.js';
import type { ResourceModel } from '../resource-model.js';
import { fleetComponents, instanceVolumes } from './instance.js';

export const awsInstance: ResourceModel = {
  types: ['aws_instance'],
  components({ attrs, region }) {
    const market = attrs.block('instance_market_options').str('market_type');
    return fleetComponents({
      region,
      instanceType: attrs.str('instance_type'),
      count: dec(1),
      purchase: market === 'spot' ? 'spot' : 'on-demand',
      tenancy: attrs.str('tenancy'),
      ebsOptimized: attrs.bool('ebs_optimized'),
      detailedMonitoring: attrs.bool('monitoring'),
      cpuCredits: attrs.block('credit_specification').str('cpu_credits'),
      volumes: instanceVolumes(attrs),
    });
  },
};
