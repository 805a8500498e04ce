/**
 * Candidate instance types for sizing: priced on demand in the region and passing the type filter
 * (pinned family or allowed families, current generation, architecture, no burstable/metal/GPU unless
 * opted in). Also counts what each rule excluded, for the "why" line of the report.
 */
import { NotFoundError } from '../errors.js';
import type { Catalog, Ec2Prices, InstanceTypeSpec } from '../catalog/types.js';
import type { TypeFilter } from './options.js';

export interface Candidate {
  readonly spec: InstanceTypeSpec;
  readonly prices: Ec2Prices;
  /** On-demand USD/h as published (exact). */
  readonly usdPerHour: string;
  /** The same as a float, for the search only. */
  readonly usdPerHourApprox: number;
}

export interface CandidateSet {
  readonly candidates: readonly Candidate[];
  readonly excluded: Readonly<Record<string, number>>;
  /** "family m5" or "cheapest-fit over 312 current-generation x86_64 types". */
  readonly description: string;
}

export function selectCandidates(catalog: Catalog, region: string, f: TypeFilter): CandidateSet {
  const excluded: Record<string, number> = {};
  const out = (why: string): false => {
    excluded[why] = (excluded[why] ?? 0) + 1;
    return false;
  };
  const allowedFamilies = f.families && f.families.length > 0 ? new Set(f.families) : undefined;
  const candidates: Candidate[] = [];
  for (const spec of catalog.instanceTypesIn(region)) {
    const prices = catalog.ec2Prices(region, spec.instanceType);
    const od = prices?.onDemand;
    const keep =
      (!!od || out('no on-demand price')) &&
      (f.family === undefined || spec.family === f.family || out('other families')) &&
      (f.family !== undefined || !allowedFamilies || allowedFamilies.has(spec.family) || out('family not allowed')) &&
      (f.family !== undefined || f.allowPreviousGeneration || spec.currentGeneration || out('previous generation')) &&
      (f.family !== undefined || f.arch === 'any' || spec.arch === f.arch || out(`not ${f.arch}`)) &&
      (f.allowBurstable || !spec.burstable || out('burstable')) &&
      (f.allowMetal || !spec.bareMetal || out('bare metal')) &&
      (f.allowGpu || spec.gpuCount === 0 || out('GPU'));
    if (keep && prices && od) {
      candidates.push({ spec, prices, usdPerHour: od.usdPerHour, usdPerHourApprox: Number(od.usdPerHour) });
    }
  }
  if (candidates.length === 0) {
    const what = f.family ? `family "${f.family}"` : 'the type filter';
    throw new NotFoundError(`no instance type matching ${what} has an on-demand price in ${region}`);
  }
  candidates.sort((a, b) => a.spec.instanceType.localeCompare(b.spec.instanceType));
  const description = f.family
    ? `family ${f.family} (${candidates.length} sizes)`
    : `cheapest-fit over ${candidates.length} ${f.allowPreviousGeneration ? '' : 'current-generation '}${f.arch === 'any' ? '' : f.arch + ' '}types${allowedFamilies ? ` of families ${[...allowedFamilies].join(', ')}` : ''}`;
  return { candidates, excluded, description };
}
