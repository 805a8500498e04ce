/**
 * Run in a fresh process by catalog.bench.ts: loads the whole snapshot cold and prints timings as JSON.
 * Module import time is excluded; file reads, JSON parsing and indexing of every region are included.
 * Wall time and this process's CPU time (less sensitive to other processes on a shared machine).
 */
import { performance } from 'node:perf_hooks';
import { readSnapshotCatalog } from '../src/store/snapshot-files.js';

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpuMs();
const t0 = performance.now();
// What a command does: open the catalog and look one type up in one region.
const catalog = readSnapshotCatalog();
if (catalog.ec2Prices('eu-west-3', 'm5.xlarge')?.onDemand?.usdPerHour !== '0.224') throw new Error('m5.xlarge eu-west-3 is not 0.224');
const tFirst = performance.now();
// The rest of the snapshot: every region indexed.
let types = 0;
for (const r of catalog.regions()) types += catalog.instanceTypesIn(r).length;
const t1 = performance.now();
const c1 = cpuMs();
let prices = 0;
for (const r of catalog.regions()) for (const s of catalog.instanceTypesIn(r)) if (catalog.ec2Prices(r, s.instanceType)) prices++;
const t2 = performance.now();
process.stdout.write(JSON.stringify({ firstLookupMs: tFirst - t0, loadMs: t1 - t0, loadCpuMs: c1 - c0, decodeAllMs: t2 - t1, regions: catalog.regions().length, types, prices }) + '\n');
