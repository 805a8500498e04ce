/**
 * Run in a fresh process by plan.bench.ts: one cold run, as a user's single `nuage diff plan.json` (JIT not
 * warmed up, empty heap). `parse <file>`: JSON.parse(readFileSync(file, 'utf8')). `diff <file> <format>`: the
 * whole command in-process, output to /dev/null; the catalog is loaded first and timed apart. Module import
 * time is excluded. Prints {ms, cpuMs, catalogMs} as JSON.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadSnapshotCatalog } from '../src/store/snapshot-files.js';
import { run } from '../src/cli/program.js';

const [mode, file, format = 'table'] = process.argv.slice(2);
if (!file || (mode !== 'parse' && mode !== 'diff')) throw new Error('usage: plan-once-child.ts parse|diff <plan.json> [format]');
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let catalogMs = 0;
if (mode === 'diff') {
  const t = performance.now();
  loadSnapshotCatalog();
  catalogMs = performance.now() - t;
}
const devNull = openSync('/dev/null', 'w');
const c0 = cpuMs();
const t0 = performance.now();
if (mode === 'parse') {
  JSON.parse(readFileSync(file, 'utf8'));
} else {
  const code = await run(['diff', file, '--db', `${file}.none.db`, '--format', format], {
    stdout: (s) => void writeSync(devNull, s),
    stderr: (s) => void process.stderr.write(s),
    env: { NUAGE_REGION: 'eu-west-1' },
    cwd: process.cwd(),
    now: () => new Date(),
  });
  if (code !== 0) throw new Error(`nuage diff exited ${code}`);
}
const ms = performance.now() - t0;
const cpu = cpuMs() - c0;
closeSync(devNull);
process.stdout.write(JSON.stringify({ ms, cpuMs: cpu, catalogMs }) + '\n');
