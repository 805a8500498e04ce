/**
 * A bulk spend import runs with a rollback journal when it is the only connection (docs/spend.md,
 * "Journal"); a process that opens the store meanwhile (a report, the dashboard) must wait for the
 * import's commit and then read it — not fail at once with "database is locked (is it a SQLite
 * file?)" — and, when the import outlasts the busy timeout, say plainly that the store is busy.
 * The import is played by a child process holding the write transaction the way SpendWriter does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NuageError } from '../../src/errors.js';
import { openStore } from '../../src/store/db.js';
import { tempStore, type TempStore } from './support/spend-store.js';

let t: TempStore;
let child: ChildProcess | undefined;
beforeEach(() => {
  t = tempStore();
  t.store.close(); // the child must be the only connection to leave WAL
});
afterEach(() => {
  child?.kill();
  child = undefined;
  t.dispose();
});

/** A child that leaves WAL, holds an import transaction for `holdMs`, commits and restores WAL. */
function bulkWriter(path: string, holdMs: number): Promise<void> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(path)});
    db.pragma('busy_timeout = 0');
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw new Error('could not leave WAL');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO spend_scope (scope_key, source, provider, account, period, estimated, row_count, imported_at, detail) VALUES ('file|AWS|1|2026-11-01', 'file', 'AWS', '1', '2026-11-01', 0, 0, '2026-11-26T00:00:00Z', '{}')").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
    db.exec('COMMIT');
    db.pragma('journal_mode = WAL');
    db.close();
  `;
  child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, ko) => {
    child?.stdout?.on('data', (d: Buffer) => d.toString().includes('locked') && ok());
    child?.on('exit', (code) => ko(new Error(`bulk writer exited with ${code} before locking`)));
  });
}

describe('opening the store while a bulk import holds it in rollback-journal mode', () => {
  it('waits for the commit, then reads it in WAL', async () => {
    await bulkWriter(t.path, 1500);
    const store = openStore(t.path, { readonly: true });
    try {
      expect(store.sqlite.prepare('SELECT scope_key FROM spend_scope').all()).toEqual([{ scope_key: 'file|AWS|1|2026-11-01' }]);
      expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      store.close();
    }
  });

  it('past the busy timeout, says the store is busy (not "is it a SQLite file?")', async () => {
    await bulkWriter(t.path, 8000);
    let err: unknown;
    try {
      openStore(t.path).close();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NuageError);
    expect((err as Error).message).toBe(`database ${t.path} is busy: another command is writing it (a spend import?) and did not finish within 5 s; try again when it has finished`);
  }, 15_000);
});
