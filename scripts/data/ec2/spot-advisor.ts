/**
 * AWS Spot Instance Advisor data (spot-advisor-data.json): per region and OS, savings % vs on-demand
 * (`s`) and interruption bucket (`r`, index into `ranges`); and the family → architecture snapshot.
 */
import { InputError } from '../../../src/errors.js';
import type { Arch } from '../../../src/catalog/types.js';
import { parseJson } from './table.js';

export interface AdvisorFacts {
  readonly savingsPercent: number;
  readonly bucket: number;
}

export interface SpotAdvisor {
  /** Bucket labels by index ("<5%", "5-10%", …). */
  readonly labels: readonly string[];
  /** region → instance type → Linux facts. */
  readonly linux: ReadonlyMap<string, ReadonlyMap<string, AdvisorFacts>>;
  /** instance type → { cores, ramGb } as listed by the advisor. */
  readonly types: ReadonlyMap<string, { readonly cores: number; readonly ramGiB: number }>;
}

export function readSpotAdvisor(text: string, file: string): SpotAdvisor {
  const doc = parseJson(text, file) as {
    ranges?: { index?: unknown; label?: unknown }[];
    spot_advisor?: Record<string, Record<string, Record<string, { s?: unknown; r?: unknown }>>>;
    instance_types?: Record<string, { cores?: unknown; ram_gb?: unknown }>;
  };
  if (!Array.isArray(doc.ranges)) throw new InputError({ file, field: 'ranges' }, 'expected an array of interruption ranges');
  const labels: string[] = [];
  doc.ranges.forEach((r, i) => {
    if (r.index !== i || typeof r.label !== 'string') throw new InputError({ file, field: `ranges[${i}]` }, `expected { index: ${i}, label }`);
    labels.push(r.label);
  });
  if (!doc.spot_advisor || typeof doc.spot_advisor !== 'object') throw new InputError({ file, field: 'spot_advisor' }, 'expected an object of regions');
  const linux = new Map<string, Map<string, AdvisorFacts>>();
  for (const [region, byOs] of Object.entries(doc.spot_advisor)) {
    const table = new Map<string, AdvisorFacts>();
    for (const [type, f] of Object.entries(byOs?.Linux ?? {})) {
      const field = `spot_advisor.${region}.Linux.${type}`;
      // Negative savings happen (spot above on-demand, e.g. p5.48xlarge ca-central-1 -62): kept as published.
      if (typeof f.s !== 'number' || !Number.isFinite(f.s) || f.s > 100) throw new InputError({ file, field: `${field}.s` }, `expected a savings percent ≤ 100, found ${JSON.stringify(f.s)}`);
      if (typeof f.r !== 'number' || !Number.isInteger(f.r) || f.r < 0 || f.r >= labels.length) {
        throw new InputError({ file, field: `${field}.r` }, `expected a range index 0–${labels.length - 1}, found ${JSON.stringify(f.r)}`);
      }
      table.set(type, { savingsPercent: f.s, bucket: f.r });
    }
    linux.set(region, table);
  }
  const types = new Map<string, { cores: number; ramGiB: number }>();
  for (const [type, t] of Object.entries(doc.instance_types ?? {})) {
    if (typeof t.cores === 'number' && typeof t.ram_gb === 'number') types.set(type, { cores: t.cores, ramGiB: t.ram_gb });
  }
  return { labels, linux, types };
}

/** `{ "families": { "a1": "arm64", … } }` */
export function readArchitectureSnapshot(text: string, file: string): ReadonlyMap<string, Arch> {
  const doc = parseJson(text, file) as { families?: Record<string, unknown> };
  const out = new Map<string, Arch>();
  for (const [family, arch] of Object.entries(doc.families ?? {})) {
    if (arch !== 'x86_64' && arch !== 'arm64') throw new InputError({ file, field: `families.${family}` }, `expected x86_64 or arm64, found ${JSON.stringify(arch)}`);
    out.set(family, arch);
  }
  return out;
}
