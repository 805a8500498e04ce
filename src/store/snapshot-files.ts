/**
 * Loads the dated snapshot under data/ (EC2 files, service prices, manifest sources) into an
 * InMemoryCatalog, once per process and data folder. Edge: reads files; decoding is pure (snapshot-decode.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { DATA_DIR } from '../catalog/data-dir.js';
import { InMemoryCatalog } from '../catalog/memory.js';
import { parseServiceFile } from '../catalog/service-file.js';
import { decodeSnapshot, type NamedFile, type RegionText } from '../catalog/snapshot-decode.js';
import { CATALOG_FILE, regionFilePath, TYPES_FILE, type CatalogFile, type TypesFile } from '../catalog/snapshot-format.js';
import type { CatalogSource, ServicePrice } from '../catalog/types.js';

const cache = new Map<string, InMemoryCatalog>();

function readText(dir: string, relative: string): RegionText {
  const file = resolve(dir, relative);
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch {
    throw new InputError({ file }, 'the price snapshot file is missing; rebuild it with `npm run data:build` (see docs/catalog.md for the source files it needs)');
  }
}

function readJson<T>(dir: string, relative: string): NamedFile<T> {
  const { file, text } = readText(dir, relative);
  try {
    return { file, content: JSON.parse(text) as T };
  } catch (err) {
    throw new InputError({ file }, `not valid JSON (${(err as Error).message})`);
  }
}

function manifestSources(dir: string): CatalogSource[] {
  const file = resolve(dir, 'manifest.json');
  if (!existsSync(file)) return [];
  const m = readJson<{ sources?: { id: string; description: string; asOf: string; origin: string }[] }>(dir, 'manifest.json').content;
  return (m.sources ?? []).map((s) => ({ id: s.id, description: s.description, asOf: s.asOf, origin: s.origin }));
}

function servicePrices(dir: string): ServicePrice[] {
  const folder = resolve(dir, 'services');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const { file, content } = readJson<unknown>(dir, `services/${f}`);
      return parseServiceFile(content, file);
    });
}

/** Reads the snapshot (no cache). Region files are read when a region is first used. */
export function readSnapshotCatalog(dir: string = DATA_DIR): InMemoryCatalog {
  const catalog = readJson<CatalogFile>(dir, CATALOG_FILE);
  const types = readJson<TypesFile>(dir, TYPES_FILE);
  const regions = new Map((catalog.content.regions ?? []).map((r) => [r, () => readText(dir, regionFilePath(r))] as const));
  return new InMemoryCatalog(decodeSnapshot({ catalog, types, regions, sources: manifestSources(dir), services: servicePrices(dir) }));
}

/** The snapshot catalog of `dir` (default: the project's data/), loaded once per process. */
export function loadSnapshotCatalog(dir: string = DATA_DIR): InMemoryCatalog {
  const key = resolve(dir);
  let c = cache.get(key);
  if (!c) {
    c = readSnapshotCatalog(key);
    cache.set(key, c);
  }
  return c;
}

/** Forgets loaded snapshots (benchmarks measure cold loads; tests rebuild fixtures). */
export function clearSnapshotCache(): void {
  cache.clear();
}
