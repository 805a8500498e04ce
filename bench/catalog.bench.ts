/**
 * Catalog figures: cold load of the whole snapshot (fresh child processes) and price look-ups.
 * Goals: load < 150 ms, look-up < 1 µs.
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { clearSnapshotCache, loadSnapshotCatalog } from '../src/store/snapshot-files.js';
import type { BenchResult } from './run.js';

const here = dirname(fileURLToPath(import.meta.url));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface ChildFigures {
  firstLookupMs: number;
  loadMs: number;
  loadCpuMs: number;
  decodeAllMs: number;
  regions: number;
  types: number;
  prices: number;
}

function coldLoad(): ChildFigures {
  const out = execFileSync(process.execPath, ['--import', 'tsx', resolve(here, 'catalog-load-child.ts')], { cwd: resolve(here, '..'), encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildFigures;
}

export default async function (): Promise<BenchResult[]> {
  const runs = Array.from({ length: 5 }, coldLoad);
  const first = runs[0]!;

  clearSnapshotCache();
  const catalog = loadSnapshotCatalog();
  const keys: [string, string][] = [];
  for (const r of catalog.regions()) for (const s of catalog.instanceTypesIn(r)) keys.push([r, s.instanceType]);
  // Deterministic shuffle (LCG) so look-ups hop across regions.
  let seed = 42;
  for (let i = keys.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const N = 100_000;
  // First look-up of each type decodes its row.
  let t = performance.now();
  for (const [r, type] of keys) catalog.ec2Prices(r, type);
  const firstLookupUs = ((performance.now() - t) * 1000) / keys.length;
  // Steady state: 100k look-ups, best of 5 rounds (the machine may be shared).
  let sink = 0;
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    t = performance.now();
    for (let i = 0; i < N; i++) {
      const [r, type] = keys[i % keys.length]!;
      if (catalog.ec2Prices(r, type)?.onDemand) sink++;
    }
    rounds.push(((performance.now() - t) * 1e6) / N);
  }
  const lookupNs = Math.min(...rounds);
  if (sink === 0) throw new Error('no prices looked up');

  return [
    { name: 'snapshot cold load, all regions (median of 5 fresh processes)', value: median(runs.map((r) => r.loadMs)), unit: 'ms', goal: 'goal < 150 ms', note: `${first.regions} regions, ${first.types} type-regions; runs: ${runs.map((r) => r.loadMs.toFixed(1)).join(', ')}` },
    { name: 'open the snapshot + first look-up in one region (a command)', value: median(runs.map((r) => r.firstLookupMs)), unit: 'ms', note: 'm5.xlarge eu-west-3' },
    { name: 'snapshot cold load, CPU time of the loading process', value: median(runs.map((r) => r.loadCpuMs)), unit: 'ms', goal: 'goal < 150 ms', note: `runs: ${runs.map((r) => r.loadCpuMs.toFixed(1)).join(', ')}` },
    { name: 'decode every price once (after load)', value: median(runs.map((r) => r.decodeAllMs)), unit: 'ms', note: `${first.prices} Ec2Prices values` },
    { name: 'first look-up of a type (decodes its row)', value: firstLookupUs, unit: 'µs/op', note: `${keys.length} look-ups` },
    { name: '100k price look-ups (ec2Prices, steady state, best of 5)', value: lookupNs, unit: 'ns/op', goal: 'goal < 1 µs', note: `rounds: ${rounds.map((x) => x.toFixed(0)).join(', ')} ns` },
  ];
}
