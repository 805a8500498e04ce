/**
 * What an Auto Scaling group or node group launches, read from its launch template or launch configuration
 * (found through the configuration reference or by name/id among the plan's resources).
 */
import { UNKNOWN, isKnown, type Attrs, type Maybe } from '../attrs.js';
import type { ResourceContext } from '../resource-model.js';
import type { VolumeSpec } from './ebs.js';
import { instanceVolumes, launchTemplateVolumes } from './instance.js';

export interface LaunchSpec {
  readonly source: string;
  readonly instanceType: Maybe<string>;
  readonly missingReason?: string;
  readonly tenancy: Maybe<string>;
  readonly ebsOptimized: Maybe<boolean>;
  readonly detailedMonitoring: Maybe<boolean>;
  readonly cpuCredits: Maybe<string>;
  readonly volumes: readonly VolumeSpec[];
}

export function fromLaunchTemplate(address: string, lt: Attrs): LaunchSpec {
  return {
    source: address,
    instanceType: lt.str('instance_type'),
    tenancy: lt.block('placement').str('tenancy'),
    ebsOptimized: lt.bool('ebs_optimized'),
    detailedMonitoring: lt.block('monitoring').bool('enabled'),
    cpuCredits: lt.block('credit_specification').str('cpu_credits'),
    volumes: launchTemplateVolumesOrRoot(lt),
  };
}

/** Block devices of a launch template, or the AMI's root volume (size and type assumed) when it maps none. */
function launchTemplateVolumesOrRoot(lt: Attrs): VolumeSpec[] {
  const mapped = launchTemplateVolumes(lt);
  return mapped.length > 0 ? mapped : [{ label: 'Root volume (AMI)', type: undefined, sizeGb: undefined, defaultType: 'gp3', defaultSizeGb: 8 }];
}

export function fromLaunchConfiguration(address: string, lc: Attrs): LaunchSpec {
  return {
    source: address,
    instanceType: lc.str('instance_type'),
    tenancy: lc.str('placement_tenancy'),
    ebsOptimized: lc.bool('ebs_optimized'),
    // Launch configurations enable detailed monitoring unless told otherwise (AWS default true).
    detailedMonitoring: lc.bool('enable_monitoring') ?? true,
    cpuCredits: lc.block('credit_specification').str('cpu_credits'),
    volumes: instanceVolumes(lc),
  };
}

export function missingLaunchSpec(reason: string): LaunchSpec {
  return { source: '', instanceType: UNKNOWN, missingReason: reason, tenancy: undefined, ebsOptimized: undefined, detailedMonitoring: undefined, cpuCredits: undefined, volumes: [] };
}

/** The launch template referenced at `path` (a `launch_template` / `launch_template_specification` block). */
export function launchTemplateAt(ctx: ResourceContext, path: readonly (string | number)[], block: Attrs): LaunchSpec | undefined {
  for (const key of ['id', 'name', 'launch_template_id', 'launch_template_name']) {
    const found = ctx.related([...path, key], ['aws_launch_template']);
    if (found) return fromLaunchTemplate(found.address, found.attrs);
  }
  const id = block.str('id') ?? block.str('launch_template_id');
  const name = block.str('name') ?? block.str('launch_template_name');
  const given = [id, name].filter(isKnown).join(' / ');
  if (given === '' && !block.isUnknown('id') && !block.isUnknown('name') && block.values === undefined) return undefined;
  return missingLaunchSpec(given !== '' ? `launch template "${given}" is not in the plan` : 'launch template not found in the plan');
}
