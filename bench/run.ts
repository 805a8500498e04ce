/**
 * `npm run bench`: runs every bench/*.bench.ts in turn and prints its figures.
 * Each bench module exports `default async function (): Promise<BenchResult[]>`.
 * Pass names to run a subset: `npm run bench -- catalog spend`.
 */
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** e.g. "goal < 150 ms" */
  readonly goal?: string;
  readonly note?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

for (const f of files) {
  const mod = (await import(pathToFileURL(resolve(here, f)).href)) as { default: () => Promise<BenchResult[]> };
  process.stdout.write(`\n## ${f.replace('.bench.ts', '')}\n`);
  const results = await mod.default();
  for (const r of results) {
    const v = r.value >= 100 ? r.value.toFixed(0) : r.value >= 1 ? r.value.toFixed(2) : r.value.toPrecision(3);
    process.stdout.write(`${r.name.padEnd(60)} ${v.padStart(12)} ${r.unit.padEnd(10)} ${r.goal ? `(${r.goal})` : ''}${r.note ? ` ${r.note}` : ''}\n`);
  }
}
