/**
 * Starts a worker thread from a module next to this one. Under tsx or vitest (development, tests,
 * bench) the module is TypeScript: a tiny bootstrap registers tsx's loader in the worker, then
 * imports it. The built package runs the .js directly.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const HERE = import.meta.url;
const IS_TS = HERE.endsWith('.ts');

/** `name`: the module's file name without extension, e.g. "parse-worker". */
export function startWorker(name: string, workerData: unknown): Worker {
  const url = new URL(`./${name}${IS_TS ? '.ts' : '.js'}`, HERE);
  if (!IS_TS) return new Worker(url, { workerData });
  const tsxApi = pathToFileURL(join(dirname(createRequire(HERE).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
