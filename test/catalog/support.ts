/** Builds the EC2 snapshot part from a shared folder and loads it from a temporary data folder. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEc2 } from '../../scripts/data/ec2.js';
import type { SnapshotPart } from '../../scripts/data/part.js';
import type { InMemoryCatalog } from '../../src/catalog/memory.js';
import { readSnapshotCatalog } from '../../src/store/snapshot-files.js';

export const FIXTURE_SHARED = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/shared');

export interface BuiltSnapshot {
  readonly part: SnapshotPart;
  readonly dir: string;
  readonly catalog: InMemoryCatalog;
  readonly logs: readonly string[];
}

/** Writes files (paths relative to data/) into a fresh temporary folder and returns it. */
export function writeDataDir(files: readonly { path: string; content: string }[], extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'nuage-catalog-'));
  const all = [...files, ...Object.entries(extra).map(([path, content]) => ({ path, content }))];
  for (const f of all) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}

export async function buildSnapshot(shared: string = FIXTURE_SHARED): Promise<BuiltSnapshot> {
  const logs: string[] = [];
  const part = await buildEc2({ shared, log: (m) => logs.push(m) });
  const manifest = JSON.stringify({ sources: part.sources });
  const dir = writeDataDir(part.files, { 'manifest.json': manifest });
  return { part, dir, catalog: readSnapshotCatalog(dir), logs };
}
