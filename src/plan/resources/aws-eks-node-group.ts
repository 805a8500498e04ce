/**
 * aws_eks_node_group: desired size (else min) nodes. Instance type: the launch template's when it sets one
 * (EKS then forbids instance_types), else instance_types (default t3.medium). ON_DEMAND uses the first type
 * (EKS allocates on-demand by priority); SPOT spreads the nodes evenly over ALL instance_types. Disk: the
 * launch template's block devices, else disk_size (default 20 GB).
 */
import { dec } from '../../money/index.js';
import { UNKNOWN, isKnown } from '../attrs.js';
import { unknownPrice, type ComponentSpec } from '../components.js';
import type { ResourceModel } from '../resource-model.js';
import { fleetComponents } from './instance.js';
import { launchTemplateAt } from './launch-spec.js';

export const EKS_DEFAULT_INSTANCE_TYPE = 't3.medium';
export const EKS_DEFAULT_DISK_GB = 20;

export const awsEksNodeGroup: ResourceModel = {
  types: ['aws_eks_node_group'],
  relatedTypes: ['aws_launch_template'],
  components(ctx) {
    const a = ctx.attrs;
    const scaling = a.block('scaling_config');
    const desired = scaling.num('desired_size');
    const min = scaling.num('min_size');
    const notes: string[] = [];
    let nodes: number | undefined;
    if (isKnown(desired)) nodes = desired;
    else if (isKnown(min)) {
      nodes = min;
      notes.push(`desired_size not known: min_size ${min} used`);
    }
    const lt = a.list('launch_template').length > 0 ? launchTemplateAt(ctx, ['launch_template', 0], a.block('launch_template')) : undefined;
    const capacityType = a.str('capacity_type');
    const spot = capacityType === 'SPOT';
    let types: (string | typeof UNKNOWN)[];
    if (lt && isKnown(lt.instanceType)) {
      types = [lt.instanceType];
      const listed = a.strings('instance_types');
      if (isKnown(listed) && listed.length > 0) notes.push(`launch template ${lt.source} sets ${lt.instanceType}: instance_types ignored`);
    } else {
      const listed = a.strings('instance_types');
      if (listed === UNKNOWN && ctx.configured('instance_types')) types = [UNKNOWN];
      else if (isKnown(listed) && listed.length > 0) types = listed;
      else {
        types = [EKS_DEFAULT_INSTANCE_TYPE];
        notes.push(`instance_types ${listed === UNKNOWN ? 'computed' : 'not set'}: EKS default ${EKS_DEFAULT_INSTANCE_TYPE}`);
      }
    }
    if (nodes === undefined) {
      return [{ name: 'Node instance usage', unit: 'hours', hourlyQuantity: UNKNOWN, price: unknownPrice('desired and min size computed at apply'), note: 'scaling_config computed at apply' }];
    }
    const diskSize = a.num('disk_size');
    const volumes = lt
      ? lt.volumes
      : [{ label: 'Node disk', type: undefined, sizeGb: isKnown(diskSize) ? diskSize : EKS_DEFAULT_DISK_GB, defaultType: 'gp3' as const }];
    const used = spot ? types : types.slice(0, 1);
    if (!spot && types.length > 1) notes.push(`on-demand nodes use the first instance type (${String(types[0])}) by priority`);
    const perType = dec(nodes).div(used.length);
    const out: ComponentSpec[] = [];
    for (const t of used) {
      out.push(
        ...fleetComponents({
          region: ctx.region,
          instanceType: t === UNKNOWN ? UNKNOWN : t,
          ...(used.length > 1 ? { label: String(t === UNKNOWN ? '?' : t) } : {}),
          count: perType,
          purchase: spot ? 'spot' : 'on-demand',
          tenancy: lt?.tenancy,
          ebsOptimized: lt?.ebsOptimized,
          detailedMonitoring: lt?.detailedMonitoring,
          cpuCredits: lt?.cpuCredits,
          volumes,
        }),
      );
    }
    if (notes.length > 0 && out[0]) out[0] = { ...out[0], note: [notes.join('; '), out[0].note].filter(Boolean).join('; ') };
    return out;
  },
};
