/**
 * aws_autoscaling_group: desired capacity (else min size) instances of its launch template or launch
 * configuration. A mixed_instances_policy is priced over ALL its overrides, with weights, and split between
 * on-demand (base + percentage above base) and spot:
 * - on-demand units: `prioritized` (provider default) → the first override, whole instances;
 *   `lowest-price` → spread evenly over the overrides (the cheapest available is chosen at launch);
 * - spot units: spread evenly over every override (an average fleet; AWS picks pools at launch).
 * Instances of an override = its capacity units ÷ its weighted_capacity.
 */
import { dec, type Decimal } from '../../money/index.js';
import { UNKNOWN, isKnown, type Attrs, type Maybe } from '../attrs.js';
import { ec2OnDemand, unknownPrice, type ComponentSpec } from '../components.js';
import type { ResourceContext, ResourceModel } from '../resource-model.js';
import { fleetComponents } from './instance.js';
import { fromLaunchConfiguration, launchTemplateAt, missingLaunchSpec, type LaunchSpec } from './launch-spec.js';

const MIXED_LT = ['mixed_instances_policy', 0, 'launch_template', 0] as const;

function launchSpecOf(ctx: ResourceContext): LaunchSpec {
  const a = ctx.attrs;
  const lc = ctx.related(['launch_configuration'], ['aws_launch_configuration']);
  if (lc) return fromLaunchConfiguration(lc.address, lc.attrs);
  const lcName = a.str('launch_configuration');
  if (isKnown(lcName)) return missingLaunchSpec(`launch configuration "${lcName}" is not in the plan`);
  if (a.list('launch_template').length > 0) {
    const spec = launchTemplateAt(ctx, ['launch_template', 0], a.block('launch_template'));
    if (spec) return spec;
  }
  if (a.isUnknown('launch_configuration')) return missingLaunchSpec('launch configuration not found in the plan');
  return missingLaunchSpec('no launch template nor launch configuration');
}

interface Capacity {
  readonly units: Decimal | undefined;
  readonly note?: string;
}

function capacityOf(a: Attrs): Capacity {
  const desired = a.num('desired_capacity');
  if (isKnown(desired)) return { units: dec(desired) };
  const min = a.num('min_size');
  if (isKnown(min)) return { units: dec(min), note: `desired capacity ${desired === UNKNOWN ? 'computed' : 'not set'}: min_size ${min} used` };
  return { units: undefined };
}

function withNote(specs: ComponentSpec[], note: string | undefined): ComponentSpec[] {
  if (!note) return specs;
  return specs.map((s, i) => (i === 0 ? { ...s, note: s.note ? `${note}; ${s.note}` : note } : s));
}

export const awsAutoscalingGroup: ResourceModel = {
  types: ['aws_autoscaling_group'],
  relatedTypes: ['aws_launch_configuration', 'aws_launch_template'],
  components(ctx) {
    const a = ctx.attrs;
    const cap = capacityOf(a);
    if (a.list('mixed_instances_policy').length > 0) return withNote(mixedComponents(ctx, cap), cap.note);
    const spec = launchSpecOf(ctx);
    if (cap.units === undefined) {
      return [{
        name: `Instance usage (Linux, on-demand, ${isKnown(spec.instanceType) ? spec.instanceType : 'type unknown'})`,
        unit: 'hours',
        hourlyQuantity: UNKNOWN,
        price: isKnown(spec.instanceType) ? ec2OnDemand(ctx.region, spec.instanceType) : unknownPrice(spec.missingReason ?? 'instance type unknown'),
        note: 'desired capacity and min_size computed at apply',
      }];
    }
    return withNote(
      fleetComponents({
        region: ctx.region,
        instanceType: spec.instanceType,
        ...(spec.missingReason ? { instanceTypeMissingReason: spec.missingReason } : {}),
        count: cap.units,
        purchase: 'on-demand',
        tenancy: spec.tenancy,
        ebsOptimized: spec.ebsOptimized,
        detailedMonitoring: spec.detailedMonitoring,
        cpuCredits: spec.cpuCredits,
        volumes: spec.volumes,
      }),
      cap.note,
    );
  },
};

interface Override {
  readonly type: Maybe<string>;
  readonly weight: number | undefined;
}

function mixedComponents(ctx: ResourceContext, cap: Capacity): ComponentSpec[] {
  const lt = ctx.attrs.at('mixed_instances_policy').at(0).at('launch_template').at(0);
  const base =
    launchTemplateAt(ctx, [...MIXED_LT, 'launch_template_specification', 0], lt.block('launch_template_specification')) ??
    missingLaunchSpec('no launch template specification');
  const overrides: Override[] = lt.list('override').map((o) => {
    const w = o.num('weighted_capacity');
    return { type: o.str('instance_type'), weight: isKnown(w) ? w : undefined };
  });
  const pool: Override[] = overrides.length > 0 ? overrides : [{ type: base.instanceType, weight: 1 }];
  const dist = ctx.attrs.at('mixed_instances_policy').at(0).block('instances_distribution');
  const notes: string[] = [];
  const baseCap = dist.num('on_demand_base_capacity');
  const pct = dist.num('on_demand_percentage_above_base_capacity');
  const odStrategy = dist.str('on_demand_allocation_strategy');
  const odBase = dec(isKnown(baseCap) ? baseCap : 0);
  const odPct = dec(isKnown(pct) ? pct : 100);
  if (!isKnown(pct)) notes.push('on_demand_percentage_above_base_capacity not set: AWS default 100 % used');
  if (cap.units === undefined) {
    return [{ name: 'Instance usage (mixed instances policy)', unit: 'hours', hourlyQuantity: UNKNOWN, price: unknownPrice('desired capacity and min_size computed at apply') }];
  }
  const units = cap.units;
  const baseUnits = units.lt(odBase) ? units : odBase;
  const odUnits = baseUnits.plus(units.minus(baseUnits).times(odPct).div(100));
  const spotUnits = units.minus(odUnits);
  const out: ComponentSpec[] = [];
  const fleet = (label: string, type: typeof base.instanceType, count: Decimal, purchase: 'on-demand' | 'spot'): ComponentSpec[] =>
    fleetComponents({
      region: ctx.region,
      label,
      instanceType: type,
      ...(base.missingReason && !isKnown(type) ? { instanceTypeMissingReason: base.missingReason } : {}),
      count,
      purchase,
      tenancy: base.tenancy,
      ebsOptimized: base.ebsOptimized,
      detailedMonitoring: base.detailedMonitoring,
      cpuCredits: base.cpuCredits,
      volumes: base.volumes,
    });
  const weightOf = (w: number | undefined): Decimal => dec(w !== undefined && w > 0 ? w : 1);
  if (odUnits.gt(0)) {
    if ((isKnown(odStrategy) ? odStrategy : 'prioritized') === 'prioritized') {
      const first = pool[0]!;
      out.push(...fleet('On-demand', first.type, odUnits.div(weightOf(first.weight)).round(0, 3), 'on-demand'));
    } else {
      const share = odUnits.div(pool.length);
      for (const o of pool) out.push(...fleet(`On-demand ${isKnown(o.type) ? o.type : '?'}`, o.type, share.div(weightOf(o.weight)), 'on-demand'));
    }
  }
  if (spotUnits.gt(0)) {
    const share = spotUnits.div(pool.length);
    for (const o of pool) out.push(...fleet(`Spot ${isKnown(o.type) ? o.type : '?'}`, o.type, share.div(weightOf(o.weight)), 'spot'));
  }
  return withNote(out, notes.join('; ') || undefined);
}
