/**
 * `npm run data:build [-- --shared <dir>]`: builds data/ from the public sources.
 * Writes every part's files, then data/manifest.json. Deterministic: same inputs, same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILDERS } from './data/builders.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argIdx = process.argv.indexOf('--shared');
const shared = resolve(argIdx > 0 ? (process.argv[argIdx + 1] ?? '') : resolve(root, '../shared'));
const dataDir = resolve(root, 'data');
const log = (m: string): void => void process.stderr.write(`data:build: ${m}\n`);

const parts = [];
for (const build of BUILDERS) parts.push(await build({ shared, log }));

const outputs: { path: string; sha256: string; bytes: number }[] = [];
for (const part of parts) {
  for (const f of part.files) {
    const target = resolve(dataDir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content);
    outputs.push({ path: f.path, sha256: createHash('sha256').update(f.content).digest('hex'), bytes: Buffer.byteLength(f.content) });
  }
}

const counts: Record<string, Record<string, number>> = {};
for (const part of parts) {
  for (const [region, c] of Object.entries(part.counts)) {
    counts[region] = { ...(counts[region] ?? {}), ...c };
  }
}
const manifest = {
  generatedBy: 'npm run data:build (scripts/data-build.ts)',
  parts: parts.map((p) => ({ id: p.id, notes: p.notes ?? [] })),
  sources: parts.flatMap((p) => p.sources),
  files: outputs.sort((a, b) => a.path.localeCompare(b.path)),
  counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))),
};
writeFileSync(resolve(dataDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
log(`wrote ${outputs.length} files and manifest.json`);
