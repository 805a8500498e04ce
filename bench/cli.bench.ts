/**
 * CLI start-up: `nuage prices m5.xlarge --region eu-west-3` and `nuage --version` in fresh processes
 * through bin/nuage.js (the compiled dist/, built first when missing), against a bare `node -e 0`.
 * CPU is the child's own user + system time, read at its exit (an --import'ed data: module): less
 * sensitive than wall time to other load on the machine, though contention still inflates it. Goal: the prices command under 1 s of CPU (2.6 s before the heavy modules were loaded lazily).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './run.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Prints `{"cpuMs":…}` on stderr when the child exits. */
const CPU_AT_EXIT = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\nNUAGE_CPU '+((u.user+u.system)/1000)+'\\n')})`;

interface Run {
  wallMs: number;
  cpuMs: number;
}

function once(args: string[], cwd: string): Run {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', CPU_AT_EXIT, ...args], { cwd, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = /NUAGE_CPU ([\d.]+)/.exec(r.stderr);
  if (!m) throw new Error(`no CPU figure from ${args.join(' ')}: ${r.stderr}`);
  return { wallMs, cpuMs: Number(m[1]) };
}

function measure(args: string[], cwd: string): Run {
  once(args, cwd); // warm the file-system cache
  const runs = Array.from({ length: RUNS }, () => once(args, cwd));
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}

export default async function (): Promise<BenchResult[]> {
  if (!existsSync(join(root, 'dist/cli/bin.js'))) {
    const b = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  // An empty working directory: no nuage.config.yml, no nuage.db.
  const cwd = mkdtempSync(join(tmpdir(), 'nuage-bench-cli-'));
  const bin = join(root, 'bin/nuage.js');
  const node = measure(['-e', '0'], cwd);
  const version = measure([bin, '--version'], cwd);
  const prices = measure([bin, 'prices', 'm5.xlarge', '--region', 'eu-west-3'], cwd);
  const note = `median of ${RUNS} fresh processes`;
  return [
    { name: 'node -e 0 (baseline), CPU', value: node.cpuMs, unit: 'ms', note },
    { name: 'nuage --version (command tree), CPU', value: version.cpuMs, unit: 'ms', note },
    { name: 'nuage prices m5.xlarge --region eu-west-3, CPU', value: prices.cpuMs, unit: 'ms', goal: 'goal < 1000 ms', note },
    { name: 'nuage prices m5.xlarge --region eu-west-3, wall', value: prices.wallMs, unit: 'ms', note },
  ];
}
