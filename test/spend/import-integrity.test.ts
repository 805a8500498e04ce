/**
 * Adversarial inputs for the spend import's integrity (review of content hashes, scopes and the
 * writer thread): cut-short files must be refused, naming the file (and the row when there is one),
 * and leave the store exactly as it was, on both write paths.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importSpendFiles } from '../../src/ingest/import-spend.js';
import { runningWriterThreads } from '../../src/ingest/threaded-writer.js';
import { runCli } from '../support/cli.js';
import { focusCsv, focusRow } from './support/focus-generator.js';
import { columnSum, csvRecords, tempStore, totalsByCurrency, type TempStore } from './support/spend-store.js';

const now = new Date('2026-11-26T12:00:00Z');
let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.dispose());

function write(name: string, content: string | Buffer): string {
  const path = join(t.dir, name);
  writeFileSync(path, content);
  return path;
}
const lineCount = (): number => (t.store.sqlite.prepare('SELECT count(*) AS n FROM spend_line').get() as { n: number }).n;
const mode = (): unknown => t.store.sqlite.pragma('journal_mode', { simple: true });

for (const writerThread of [false, true]) {
  describe(`cut-short files (writes ${writerThread ? 'on a writer thread' : 'on the import thread'})`, () => {
    const options = { now, writerThread, chunkBytes: 4096 };

    it('a plain CSV cut in the middle of its last row (inside BilledCost) is refused, not imported with the cut amount', async () => {
      const october = write('focus-2026-10.csv', focusCsv(100, { month: '2026-10' }));
      await importSpendFiles(t.store, [october], options);
      const before = totalsByCurrency(t.store);
      // 300 complete rows, then row 302 cut 4 characters into its 25th field (BilledCost "0.0712710000" → "0.07").
      const last = focusRow(300);
      const cutAt = last.split(',').slice(0, 24).join(',').length + 1 + 4;
      expect(last.slice(cutAt - 4, cutAt)).toBe('0.07');
      const cut = write('focus-2026-11.csv', focusCsv(300) + last.slice(0, cutAt));
      const err = await importSpendFiles(t.store, [october, cut], options).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).location).toEqual({ file: cut, row: 302, field: 'BilledCost' });
      expect((err as Error).message).toBe(
        `${cut}, row 302, field "BilledCost": the file ends inside this row (25 of 31 fields, no line break after it): it looks cut short; import the complete file`,
      );
      expect(totalsByCurrency(t.store)).toEqual(before);
      expect(lineCount()).toBe(100);
      expect(mode()).toBe('wal');
      expect(runningWriterThreads()).toBe(0);
    });

    it('a complete last row without a final line break still imports, with exact totals', async () => {
      const file = write('focus.csv', focusCsv(300).replace(/\n$/, ''));
      const r = await importSpendFiles(t.store, [file], options);
      expect(r.rows).toBe(300);
      expect(totalsByCurrency(t.store).USD?.billedCost).toBe(columnSum(csvRecords(file), 'BilledCost'));
    });

    it('a .csv.gz truncated mid-stream is refused naming the file; nothing written, WAL kept, the next import works', async () => {
      const october = write('focus-2026-10.csv', focusCsv(100, { month: '2026-10' }));
      await importSpendFiles(t.store, [october], options);
      const before = totalsByCurrency(t.store);
      const gz = gzipSync(focusCsv(3000));
      const cut = write('focus-2026-11.csv.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
      const err = await importSpendFiles(t.store, [october, cut], options).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).location).toEqual({ file: cut });
      expect((err as Error).message).toBe(`${cut}: the gzip data ends early or is corrupt (unexpected end of file): the file looks cut short; import the complete file`);
      expect(totalsByCurrency(t.store)).toEqual(before);
      expect(lineCount()).toBe(100);
      expect(mode()).toBe('wal');
      expect(runningWriterThreads()).toBe(0);
      const whole = write('focus-2026-11-whole.csv.gz', gz);
      const r = await importSpendFiles(t.store, [whole], options);
      expect(r.rows).toBe(3000);
      expect(lineCount()).toBe(3100);
    });
  });
}

describe('a Parquet file damaged inside a row group', () => {
  it('is refused naming the file and the row group, on both write paths; nothing written', async () => {
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const csv = write('focus.csv', focusCsv(2000));
    const pq = join(t.dir, 'focus-2026-11.parquet');
    await duck.run(`COPY (SELECT * REPLACE (CAST(BilledCost AS DECIMAL(38,19)) AS BilledCost) FROM read_csv('${csv}', header = true, all_varchar = true))
      TO '${pq}' (FORMAT parquet, ROW_GROUP_SIZE 256, COMPRESSION snappy)`);
    const october = write('focus-2026-10.csv', focusCsv(100, { month: '2026-10' }));
    await importSpendFiles(t.store, [october], { now });
    const before = totalsByCurrency(t.store);
    // 200 bytes flipped in the middle of the file: inside a compressed page, the footer intact.
    const bytes = Buffer.from(readFileSync(pq));
    const at = bytes.length >> 1;
    for (let i = at; i < at + 200; i++) bytes[i] = (bytes[i] as number) ^ 0x5a;
    const bad = write('focus-2026-11-damaged.parquet', bytes);
    for (const writerThread of [false, true]) {
      const err = await importSpendFiles(t.store, [october, bad], { now, writerThread }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).location).toEqual({ file: bad });
      expect((err as Error).message).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a readable Parquet file: .+ \\(in row group \\d+ of \\d+, rows [\\d,]+ to [\\d,]+ of the data\\)$`));
      expect(totalsByCurrency(t.store)).toEqual(before);
      expect(lineCount()).toBe(100);
      expect(mode()).toBe('wal');
      expect(runningWriterThreads()).toBe(0);
    }
  });
});

describe('cut-short files through the CLI', () => {
  it('a truncated .csv.gz exits 1 naming the file (no "unexpected error")', async () => {
    const gz = gzipSync(focusCsv(2000));
    const cut = write('cur.csv.gz', gz.subarray(0, gz.length >> 1));
    const r = await runCli(['spend', 'import', cut, '--db', t.path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`nuage: ${cut}: the gzip data ends early or is corrupt (unexpected end of file): the file looks cut short; import the complete file\n`);
    expect(lineCount()).toBe(0);
  });
});
