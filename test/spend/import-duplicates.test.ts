/**
 * Double counting: the content hash (sha256) of every imported file is stored; the same content
 * twice in one import, or content still stored under a scope this import does not replace, is
 * refused with both paths named and nothing written. Re-imports (same scope) still replace.
 * Also: an import that finds no billing file is an error.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importSpendFiles } from '../../src/ingest/import-spend.js';
import { runCli } from '../support/cli.js';
import { focusCsv } from './support/focus-generator.js';
import { columnSum, csvRecords, tempStore, totalsByCurrency, type TempStore } from './support/spend-store.js';

const now = new Date('2026-11-26T12:00:00Z');
const sha256Of = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.dispose());

const count = (table: string): number => (t.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A FOCUS file without BillingAccountId (as the specification examples): 50 rows of November 2026. */
function withoutAccount(rows = 50): string {
  const text = focusCsv(rows);
  return text
    .split('\n')
    .map((l) => l.replace(/^[^,]*,/, ''))
    .join('\n');
}

function write(name: string, content: string | Buffer): string {
  const path = join(t.dir, name);
  writeFileSync(path, content);
  return path;
}

describe('the same content twice in one import', () => {
  it('two byte-identical files are refused, naming both paths; nothing is written; the CLI exits 1', async () => {
    const a = write('a.csv', focusCsv(200));
    const b = write('b.csv', focusCsv(200));
    const err = await importSpendFiles(t.store, [a, b], { now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location).toEqual({ file: b });
    expect((err as Error).message).toBe(
      `${b}: same content as ${a} (sha256 ${sha256Of(readFileSync(a)).slice(0, 12)}…), also given to this import: its rows would count twice; import one of them`,
    );
    expect([count('spend_line'), count('spend_scope'), count('spend_file'), count('spend_daily')]).toEqual([0, 0, 0, 0]);

    const cli = await runCli(['spend', 'import', a, b, '--db', t.path]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`nuage: ${b}: same content as ${a}`);
    expect(count('spend_line')).toBe(0);
  });

  it('a CSV and its .gz are the same content (hashed after decompression): refused', async () => {
    const plain = write('focus.csv', focusCsv(100));
    const gz = write('focus.csv.gz', gzipSync(focusCsv(100)));
    await expect(importSpendFiles(t.store, [plain, gz], { now })).rejects.toThrow(`${gz}: same content as ${plain}`);
    expect(count('spend_line')).toBe(0);
  });

  it('the same content without BillingAccountId under another file name: refused in one import, replaces across imports', async () => {
    const a = write('export-1.csv', withoutAccount());
    const b = write('renamed.csv', withoutAccount());
    await expect(importSpendFiles(t.store, [a, b], { now })).rejects.toThrow(`${b}: same content as ${a}`);
    const raw = csvRecords(a);
    await importSpendFiles(t.store, [a], { now });
    const totals = totalsByCurrency(t.store);
    expect(totals.USD?.billedCost).toBe(columnSum(raw, 'BilledCost'));
    const r = await importSpendFiles(t.store, [b], { now });
    expect(r.scopes.map((s) => s.key)).toEqual(['file||(no billing account id)|2026-11-01']);
    expect(totalsByCurrency(t.store)).toEqual(totals);
    expect(count('spend_line')).toBe(50);
  });

  it('empty files (header only, or zero bytes) may repeat: nothing to count twice', async () => {
    const header = focusCsv(0);
    const r = await importSpendFiles(t.store, [write('h1.csv', header), write('h2.csv', header), write('z1.csv', ''), write('z2.csv', '')], { now, source: 'focus' });
    expect(r.rows).toBe(0);
    expect(r.files.map((f) => f.sha256)).toEqual([sha256Of(header), sha256Of(header), sha256Of(''), sha256Of('')]);
  });
});

describe('content already stored', () => {
  it('re-importing the same file replaces it: totals unchanged; the hash is stored and the file linked to its live scope', async () => {
    const a = write('a.csv', focusCsv(300));
    await importSpendFiles(t.store, [a], { now });
    const totals = totalsByCurrency(t.store);
    const r = await importSpendFiles(t.store, [a], { now });
    expect(r.files[0]?.sha256).toBe(sha256Of(readFileSync(a)));
    expect(totalsByCurrency(t.store)).toEqual(totals);
    expect(count('spend_line')).toBe(300);
    const live = t.store.sqlite
      .prepare('SELECT f.content_sha256 AS sha, s.scope_key AS scope FROM spend_file f JOIN spend_file_scope l ON l.file_id = f.id JOIN spend_scope s ON s.id = l.scope_id')
      .all();
    expect(live).toEqual([{ sha: sha256Of(readFileSync(a)), scope: 'file||012345678901|2026-11-01' }]);
    // Both imports are on record; the first one's link died with its replaced scope.
    expect(count('spend_file')).toBe(2);
    expect(count('spend_file_scope')).toBe(1);
  });

  it('content stored under a scope the import does not replace is refused, naming the stored file; the store is unchanged', async () => {
    const a = write('a.csv', focusCsv(120));
    await importSpendFiles(t.store, [a], { now });
    // As an earlier version stored files without account id: scoped by the file name.
    t.store.sqlite.prepare("UPDATE spend_scope SET account = 'a.csv', scope_key = 'file||a.csv|2026-11-01'").run();
    const before = totalsByCurrency(t.store);
    const b = write('b.csv', focusCsv(120));
    const err = await importSpendFiles(t.store, [b], { now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(
      `${b}: same content (sha256 ${sha256Of(readFileSync(a)).slice(0, 12)}…) as ${a}, imported ${now.toISOString()} and still stored as billing period from 2026-11-01 of account a.csv, which this import does not replace: its rows would count twice. Delete that import first or import under the same billing account and period`,
    );
    expect(totalsByCurrency(t.store)).toEqual(before);
    expect([count('spend_line'), count('spend_scope'), count('spend_file')]).toEqual([120, 1, 1]);
  });
});

describe('nothing to import', () => {
  it('an empty directory, or one without billing files, exits 1 naming it', async () => {
    const empty = join(t.dir, 'empty');
    mkdirSync(empty);
    let r = await runCli(['spend', 'import', empty, '--db', t.path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`nuage: ${empty}: no billing files in this directory (looked for .csv, .csv.gz, .gz, .parquet, it is empty)\n`);
    const notes = join(t.dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'readme.txt'), 'x');
    r = await runCli(['spend', 'import', notes, '--db', t.path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`nuage: ${notes}: no billing files in this directory (looked for .csv, .csv.gz, .gz, .parquet, among 1 entries)\n`);
  });

  it('an empty file still imports zero rows without error', async () => {
    const r = await runCli(['spend', 'import', write('empty.csv', ''), '--source', 'focus', '--db', t.path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Imported 0 rows from 1 file');
  });
});
