/**
 * Plan bench: a 5,000-resource plan made by scaling up a real one (checkov's terragoat plan, 55 resources, or
 * terracost's ASG plan) into a temp dir.
 *
 * - nuage side: the whole `nuage diff plan.json` command, run in-process through the CLI (`run(argv, io)`):
 *   argument parsing, settings, file read, encoding/wrapper detection, decode, parse, resources, pricing,
 *   findings, diff, policy, rendering of the default table (and, as a second figure, `--format json`).
 *   The price catalog is loaded once beforehand (as one process does); its cold load is reported apart.
 * - baseline: `JSON.parse(readFileSync(file, 'utf8'))`. The file read is included on both sides.
 *
 * The machine is shared: the sides run interleaved, each sample after a full GC (as a fresh process starts
 * with an empty heap), and min / median of wall time and of process CPU time (user + system, all threads,
 * so GC helper threads count) are reported. Goal: diff ≤ 2× JSON.parse.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { clearSnapshotCache, loadSnapshotCatalog } from '../src/store/snapshot-files.js';
import { run } from '../src/cli/program.js';
import type { BenchResult } from './run.js';

const TARGET = 5000;
const ROUNDS = 9;
const COLD_ROUNDS = 5;
const here = dirname(fileURLToPath(import.meta.url));
const SOURCES = [
  resolve(here, '../../shared/corpora/terraform_plans/checkov/runner__plan__tfplan.json'),
  resolve(here, '../../shared/corpora/terraform_plans/terracost/plans/asg-plan.json'),
];

type Obj = Record<string, unknown>;

/** Copies every resource change (and its configuration) under module.copyN until TARGET changes. */
function scaleUp(plan: Obj): Obj {
  const changes = plan.resource_changes as Obj[];
  const out: Obj[] = [];
  const calls: Obj = {};
  const root = ((plan.configuration as Obj | undefined)?.root_module ?? {}) as Obj;
  for (let n = 0; out.length < TARGET; n++) {
    calls[`copy${n}`] = { source: './copy', module: root };
    for (const c of changes) {
      if (out.length >= TARGET) break;
      out.push({ ...c, address: `module.copy${n}.${c.address as string}`, module_address: `module.copy${n}${c.module_address ? `.${c.module_address as string}` : ''}` });
    }
  }
  const configuration = { ...((plan.configuration as Obj | undefined) ?? {}), root_module: { module_calls: calls } };
  return { ...plan, resource_changes: out, configuration };
}

/** A full collection before each sample, so no sample pays for the garbage of the previous one. */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

interface Sample {
  wall: number;
  cpu: number;
}

async function sample(fn: () => unknown, gc: () => void): Promise<Sample> {
  gc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const min = (xs: number[]): number => Math.min(...xs);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (x: number): string => x.toFixed(1);

export default async function (): Promise<BenchResult[]> {
  const source = SOURCES.find((p) => existsSync(p));
  if (!source) {
    process.stdout.write('plan bench skipped: ../shared/corpora/terraform_plans is absent\n');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'nuage-plan-bench-'));
  try {
    const big = scaleUp(JSON.parse(readFileSync(source, 'utf8')) as Obj);
    const file = join(dir, 'plan-5000.json');
    writeFileSync(file, JSON.stringify(big, null, 2));
    const bytes = readFileSync(file).length;
    const resources = (big.resource_changes as unknown[]).length;
    const gc = fullGc();

    // Cold catalog load (the snapshot in data/), then kept loaded as within one CLI process.
    const catalogMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      clearSnapshotCache();
      gc();
      const t0 = performance.now();
      loadSnapshotCatalog();
      catalogMs.push(performance.now() - t0);
    }

    // `nuage diff plan.json` in-process; the plan's region comes from its provider (us-west-2), the default
    // region is a fallback. --db names a file that does not exist: no stored prices are layered on top.
    const env = { NUAGE_REGION: 'eu-west-1' };
    const db = join(dir, 'none.db');
    // Output goes to /dev/null the way the CLI writes it (process.stdout.write: encoded and written), sized here.
    const devNull = openSync('/dev/null', 'w');
    let outChars = 0;
    const io = {
      stdout: (s: string) => {
        outChars += s.length;
        writeSync(devNull, s);
      },
      stderr: (s: string) => void process.stderr.write(s),
      env,
      cwd: dir,
      now: () => new Date('2026-01-01T00:00:00Z'),
    };
    const outputKb: Record<string, string> = {};
    const cli = (format: string) => async (): Promise<void> => {
      outChars = 0;
      const code = await run(['diff', file, '--db', db, '--format', format], io);
      if (code !== 0) throw new Error(`nuage diff exited ${code}`);
      outputKb[format] = (outChars / 1e3).toFixed(0);
    };
    const sides: Record<string, () => unknown> = {
      parse: () => JSON.parse(readFileSync(file, 'utf8')),
      table: cli('table'),
      json: cli('json'),
    };
    const samples: Record<string, Sample[]> = { parse: [], table: [], json: [] };
    for (const fn of Object.values(sides)) await fn(); // warm-up (JIT), catalog load
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, fn] of Object.entries(sides)) samples[name]!.push(await sample(fn, gc));
    }

    const wall = (k: string) => samples[k]!.map((s) => s.wall);
    const cpu = (k: string) => samples[k]!.map((s) => s.cpu);
    const line = (k: string) => `min ${fmt(min(wall(k)))} / median ${fmt(median(wall(k)))} ms; CPU min ${fmt(min(cpu(k)))} / median ${fmt(median(cpu(k)))} ms`;
    const ratio = (k: string) =>
      `median ${(median(wall(k)) / median(wall('parse'))).toFixed(2)}×; CPU min ${(min(cpu(k)) / min(cpu('parse'))).toFixed(2)}× / median ${(median(cpu(k)) / median(cpu('parse'))).toFixed(2)}×`;
    // Cold: a fresh process per run (what one `nuage diff` in CI costs), interleaved with a fresh `JSON.parse`.
    const child = (args: string[]): { ms: number; cpuMs: number; catalogMs: number } =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', resolve(here, 'plan-once-child.ts'), ...args], { cwd: resolve(here, '..'), encoding: 'utf8' }).trim().split('\n').pop()!,
      ) as { ms: number; cpuMs: number; catalogMs: number };
    const cold: Record<string, Sample[]> = { parse: [], table: [] };
    const coldCatalog: number[] = [];
    for (let round = 0; round < COLD_ROUNDS; round++) {
      const p = child(['parse', file]);
      cold.parse!.push({ wall: p.ms, cpu: p.cpuMs });
      const d = child(['diff', file, 'table']);
      cold.table!.push({ wall: d.ms, cpu: d.cpuMs });
      coldCatalog.push(d.catalogMs);
    }
    const cw = (k: string) => cold[k]!.map((s) => s.wall);
    const cc = (k: string) => cold[k]!.map((s) => s.cpu);
    const coldLine = (k: string) => `min ${fmt(min(cw(k)))} / median ${fmt(median(cw(k)))} ms; CPU min ${fmt(min(cc(k)))} / median ${fmt(median(cc(k)))} ms`;

    const note = `${resources} resources, ${(bytes / 1e6).toFixed(1)} MB, scaled from ${source.split('/').pop()}; ${ROUNDS} interleaved rounds`;
    return [
      { name: 'price catalog cold load (once per process, not in diff)', value: min(catalogMs), unit: 'ms', note: `min of 3; median ${fmt(median(catalogMs))} ms` },
      { name: 'JSON.parse of the plan (read + parse), min', value: min(wall('parse')), unit: 'ms', note: `${line('parse')}; ${note}` },
      { name: 'nuage diff plan.json (table, whole command), min', value: min(wall('table')), unit: 'ms', note: line('table') },
      { name: 'nuage diff --format json (whole command), min', value: min(wall('json')), unit: 'ms', note: `${line('json')}; output: table ${outputKb.table} kB, JSON ${outputKb.json} kB` },
      { name: 'diff (table) / JSON.parse, min wall', value: min(wall('table')) / min(wall('parse')), unit: '×', goal: 'goal ≤ 2×', note: ratio('table') },
      { name: 'diff (json) / JSON.parse, min wall', value: min(wall('json')) / min(wall('parse')), unit: '×', goal: 'goal ≤ 2×', note: ratio('json') },
      { name: 'cold, fresh process: JSON.parse, min', value: min(cw('parse')), unit: 'ms', note: `${coldLine('parse')}; ${COLD_ROUNDS} rounds` },
      { name: 'cold, fresh process: nuage diff (table), min', value: min(cw('table')), unit: 'ms', note: `${coldLine('table')}; catalog load before it: median ${fmt(median(coldCatalog))} ms` },
      {
        name: 'cold diff / JSON.parse, min wall',
        value: min(cw('table')) / min(cw('parse')),
        unit: '×',
        note: `median ${(median(cw('table')) / median(cw('parse'))).toFixed(2)}×; CPU median ${(median(cc('table')) / median(cc('parse'))).toFixed(2)}×`,
      },
    ];
    closeSync(devNull);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
