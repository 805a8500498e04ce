/**
 * The store writes of a big import on a second thread (ThreadedSpendWriter + writer-worker): same
 * lines and exact totals as the import thread's own writes, still ONE transaction (a bad row or a
 * failed insert on the writer thread leaves the store as it was), journal back to WAL, no thread
 * left running. Forced with `writerThread: true` on small fixtures (auto only from 16 MiB).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { autoWriterThread, importSpendFiles } from '../../src/ingest/import-spend.js';
import { runningWriterThreads } from '../../src/ingest/threaded-writer.js';
import { writeFocusFixtures } from './support/focus-generator.js';
import { columnSum, csvRecords, tempStore, totalsByCurrency, type TempStore } from './support/spend-store.js';

const now = new Date('2026-11-26T12:00:00Z');
let files: TempStore;
let good: string;
let october: string;
let corrupt: string;

beforeAll(() => {
  files = tempStore('nuage-spend-writer-');
  ({ good, october, corrupt } = writeFocusFixtures(files.dir));
});
afterAll(() => files.dispose());

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.dispose());

const LINES = 'SELECT scope_id, file_id, source_row, billed_cost, effective_cost, charge_period_start, tags FROM spend_line ORDER BY source_row';
const lineCount = (s: TempStore = t): number => (s.store.sqlite.prepare('SELECT count(*) AS n FROM spend_line').get() as { n: number }).n;
const mode = (): unknown => t.store.sqlite.pragma('journal_mode', { simple: true });

describe('store writes on a writer thread', () => {
  it('gives the same lines, scopes and exact totals as writing on the import thread; re-importing is idempotent', async () => {
    const inline = tempStore();
    try {
      await importSpendFiles(inline.store, [october, good], { now, writerThread: false });
      // Small chunks: many batches cross threads, with scopes opened between them.
      const r = await importSpendFiles(t.store, [october, good], { now, writerThread: true, chunkBytes: 8_192 });
      expect(r.rows).toBe(1300);
      expect(r.scopes.map((s) => s.rows)).toEqual([300, 1000]);
      expect(t.store.sqlite.prepare(LINES).all()).toEqual(inline.store.sqlite.prepare(LINES).all());
      const totals = totalsByCurrency(t.store);
      expect(totals).toEqual(totalsByCurrency(inline.store));
      const raw = csvRecords(good).concat(csvRecords(october));
      expect(totals.USD?.billedCost).toBe(columnSum(raw, 'BilledCost'));
      expect(totals.USD?.records).toBe(1300);
      expect(t.store.sqlite.prepare('SELECT scope_key, row_count, detail FROM spend_scope ORDER BY scope_key').all()).toEqual(
        inline.store.sqlite.prepare('SELECT scope_key, row_count, detail FROM spend_scope ORDER BY scope_key').all(),
      );
      await importSpendFiles(t.store, [good], { now, writerThread: true });
      expect(totalsByCurrency(t.store)).toEqual(totals);
      expect(lineCount()).toBe(1300);
      expect(mode()).toBe('wal');
    } finally {
      inline.dispose();
    }
  });

  it('with parse workers too: same lines', async () => {
    await importSpendFiles(t.store, [good], { now, writerThread: true, workers: 2, chunkBytes: 16_384 });
    const other = tempStore();
    try {
      await importSpendFiles(other.store, [good], { now, writerThread: false, workers: 0 });
      expect(t.store.sqlite.prepare(LINES).all()).toEqual(other.store.sqlite.prepare(LINES).all());
    } finally {
      other.dispose();
    }
  });

  it('a file corrupt at row 500 of 1,000 names file, row and field and leaves the store as before', async () => {
    await importSpendFiles(t.store, [october], { now, writerThread: true });
    const before = totalsByCurrency(t.store);
    const scopes = t.store.sqlite.prepare('SELECT scope_key, row_count FROM spend_scope').all();
    const err = await importSpendFiles(t.store, [good, corrupt], { now, writerThread: true, chunkBytes: 8_192 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location).toEqual({ file: corrupt, row: 500, field: 'BilledCost' });
    expect((err as Error).message).toBe(`${corrupt}, row 500, field "BilledCost": expected a decimal number, got "12.3.4"`);
    expect(totalsByCurrency(t.store)).toEqual(before);
    expect(lineCount()).toBe(300);
    expect(t.store.sqlite.prepare('SELECT scope_key, row_count FROM spend_scope').all()).toEqual(scopes);
    expect(t.store.sqlite.prepare('SELECT count(*) AS n FROM spend_file').get()).toEqual({ n: 1 });
    expect(mode()).toBe('wal');
  });

  it('an insert failing on the writer thread rolls the whole import back and surfaces its message', async () => {
    await importSpendFiles(t.store, [october], { now, writerThread: true });
    const before = totalsByCurrency(t.store);
    t.store.sqlite.exec(`CREATE TRIGGER refuse_700 BEFORE INSERT ON spend_line WHEN NEW.source_row = 700 BEGIN SELECT RAISE(ABORT, 'row 700 refused'); END`);
    const inline = await importSpendFiles(t.store, [good], { now, writerThread: false }).catch((e: unknown) => e);
    const threaded = await importSpendFiles(t.store, [good], { now, writerThread: true, chunkBytes: 8_192 }).catch((e: unknown) => e);
    expect(threaded).toMatchObject({ message: 'row 700 refused', code: 'SQLITE_CONSTRAINT_TRIGGER' });
    expect({ message: (threaded as Error).message, code: (threaded as { code: string }).code }).toEqual({
      message: (inline as Error).message,
      code: (inline as { code: string }).code,
    });
    expect(totalsByCurrency(t.store)).toEqual(before);
    expect(lineCount()).toBe(300);
    expect(t.store.sqlite.prepare('SELECT count(*) AS n FROM spend_file').get()).toEqual({ n: 1 });
    expect(mode()).toBe('wal');
    // The store is usable again at once (no lock left behind).
    t.store.sqlite.exec('DROP TRIGGER refuse_700');
    await importSpendFiles(t.store, [good], { now, writerThread: true });
    expect(lineCount()).toBe(1300);
  });

  it('content hashes: files linked to their scopes, and a twin still stored elsewhere refused (asked inside the transaction)', async () => {
    await importSpendFiles(t.store, [good], { now, writerThread: true });
    await importSpendFiles(t.store, [good], { now, writerThread: true });
    const links = 'SELECT f.content_sha256 AS sha, s.scope_key AS scope FROM spend_file f JOIN spend_file_scope l ON l.file_id = f.id JOIN spend_scope s ON s.id = l.scope_id';
    const sha = createHash('sha256').update(readFileSync(good)).digest('hex');
    expect(t.store.sqlite.prepare(links).all()).toEqual([{ sha, scope: 'file||012345678901|2026-11-01' }]);
    // As an earlier version stored files without account id: scoped by the file name, so not replaced.
    t.store.sqlite.prepare("UPDATE spend_scope SET account = 'x.csv', scope_key = 'file||x.csv|2026-11-01'").run();
    const copy = join(t.dir, 'copy.csv');
    copyFileSync(good, copy);
    await expect(importSpendFiles(t.store, [copy], { now, writerThread: true })).rejects.toThrow(
      `${copy}: same content (sha256 ${sha.slice(0, 12)}…) as ${good}, imported ${now.toISOString()} and still stored as billing period from 2026-11-01 of account x.csv`,
    );
    expect(lineCount()).toBe(1000);
    expect(runningWriterThreads()).toBe(0);
    expect(mode()).toBe('wal');
  });

  it('leaves no thread running after an import, committed or not', async () => {
    const during: number[] = [];
    const onProgress = (): void => void during.push(runningWriterThreads());
    await importSpendFiles(t.store, [good], { now, writerThread: true, chunkBytes: 8_192, onProgress, progressEveryMs: 0 });
    expect(during.length).toBeGreaterThan(10);
    expect(new Set(during)).toEqual(new Set([1]));
    expect(runningWriterThreads()).toBe(0);
    await expect(importSpendFiles(t.store, [corrupt], { now, writerThread: true })).rejects.toThrow('row 500');
    expect(runningWriterThreads()).toBe(0);
  });

  it('another connection open on the file: the import stays in WAL and that reader sees the result', async () => {
    const { default: Database } = await import('better-sqlite3');
    const reader = new Database(t.path, { readonly: true });
    try {
      reader.prepare('SELECT count(*) AS n FROM spend_line').get();
      await importSpendFiles(t.store, [good], { now, writerThread: true });
      expect(reader.prepare('SELECT count(*) AS n FROM spend_line').get()).toEqual({ n: 1000 });
      expect(mode()).toBe('wal');
    } finally {
      reader.close();
    }
  });
});

describe('autoWriterThread', () => {
  it('uses a writer thread for big CSV imports on machines with 2 cores or more', () => {
    expect(autoWriterThread(100 << 20, 2)).toBe(true);
    expect(autoWriterThread(100 << 20, 1)).toBe(false);
    expect(autoWriterThread(1 << 20, 8)).toBe(false);
  });
});
