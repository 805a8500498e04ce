/**
 * The store writes of a big import on a second thread. On the import thread, parsing, mapping and
 * rollups; on the writer thread (writer-worker.ts, its own connection to the store file), binding
 * and inserting, about 40 % of the work: the two run at the same time on two cores.
 * Lines cross as one packed string per chunk (at most 512 rows); at most a few batches are in
 * flight (constant memory). Files and scopes get handles here and their ids there. Everything
 * still happens in ONE transaction of the writer thread's connection: a failure there is reported
 * back (same message, same SQLite code) and the import rolls back as a whole.
 */
import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { RollupBucket } from '../spend/rollup.js';
import type { Store } from '../store/db.js';
import { leaveWalForBulk, restoreWal, type SpendWriter } from '../store/spend-writer.js';
import { scopeKey, writeRecord, type ScopeIdentity, type SpendRecord } from '../spend/spend-record.js';
import { LINE_STRIDE, PACK } from './line-packing.js';
import { startWorker } from './start-worker.js';

/** What an import writes through: SpendWriter itself (same thread) or ThreadedSpendWriter. */
export interface ImportWriter {
  fileId(path: string, format: string): number;
  scopeId(identity: ScopeIdentity): number;
  noteFile(key: string, file: string): void;
  addScopedRecord(scopeId: number, fileId: number | null, sourceRow: number, record: SpendRecord, tags: string): void;
  addRows(lines: readonly unknown[], scopeKeys: readonly string[], fileId: number | null, rowsBefore: number): void;
  finishFile(fileId: number, sha256: string, scopeKeys: readonly string[]): void;
  storedTwin(sha256: string): StoredTwin | undefined | Promise<StoredTwin | undefined>;
  writeRollups(buckets: readonly RollupBucket[]): void;
}

type StoredTwin = ReturnType<SpendWriter['storedTwin']>;

export type WriterMessage =
  | { op: 'begin' }
  | { op: 'file'; handle: number; path: string; format: string }
  | { op: 'scope'; handle: number; identity: ScopeIdentity }
  | { op: 'note'; key: string; file: string }
  | { op: 'finishFile'; handle: number; sha256: string; scopeKeys: readonly string[] }
  | { op: 'twin'; sha256: string }
  | { op: 'lines'; packed?: string; values?: unknown[] }
  | { op: 'rollups'; buckets: readonly RollupBucket[] }
  | { op: 'commit' }
  | { op: 'rollback' };

type Reply =
  | { op: 'ack' }
  | { op: 'committed'; scopes: { key: string; identity: ScopeIdentity; rows: number }[] }
  | { op: 'rolledBack' }
  | { op: 'twin'; stored: StoredTwin }
  | { op: 'failed'; message: string; code?: string; stack?: string };

const BATCH_ROWS = 512;
const MAX_IN_FLIGHT = 4;

let running = 0;

/** Writer threads alive in this process (0 once every import has ended, committed or not). */
export function runningWriterThreads(): number {
  return running;
}

export class ThreadedSpendWriter implements ImportWriter {
  private readonly worker: Worker;
  private readonly scopes = new Map<string, number>();
  private files = 0;
  private readonly parts: unknown[] = [];
  /** False while the current chunk holds the separator: its lines are sent as arrays. */
  private packable = true;
  private inFlight = 0;
  private failure: Error | undefined;
  private waiter: (() => void) | undefined;
  private final: { ok: (r: Reply) => void; ko: (e: Error) => void } | undefined;
  /** The pending storedTwin question (one at a time). */
  private question: { ok: (r: StoredTwin) => void; ko: (e: Error) => void } | undefined;
  /** The writer thread has ended (after commit, rollback or a crash). */
  private closed = false;

  /** This connection left WAL for the import (see leaveWalForBulk): WAL is set again at the end. */
  private walLeft: boolean;

  /**
   * `store`: the import's store (a file). Its own connection is left idle during the import; before
   * the writer thread opens the file, it leaves WAL for a rollback journal when it is the only
   * connection (as SpendWriter.begin does for a bulk import), and restores WAL at the end.
   */
  constructor(
    private readonly store: Store,
    importedAt: string,
  ) {
    this.walLeft = leaveWalForBulk(store.sqlite);
    try {
      this.worker = startWorker('writer-worker', { path: resolve(store.path), importedAt });
    } catch (err) {
      this.restoreJournal();
      throw err;
    }
    this.worker.on('message', (r: Reply) => this.onReply(r));
    this.worker.on('error', (err) => this.fail(err));
    running++;
    this.worker.on('exit', () => {
      running--;
      this.closed = true;
      this.fail(new Error('the store writer thread stopped'));
    });
    this.post({ op: 'begin' });
  }

  private onReply(r: Reply): void {
    if (r.op === 'ack') {
      this.inFlight--;
      this.wake();
    } else if (r.op === 'failed') {
      const err = Object.assign(new Error(r.message), r.code ? { code: r.code } : {});
      if (r.stack) err.stack = r.stack;
      this.fail(err);
    } else if (r.op === 'twin') {
      const q = this.question;
      this.question = undefined;
      q?.ok(r.stored);
    } else this.final?.ok(r);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake();
    this.final?.ko(err);
    const q = this.question;
    this.question = undefined;
    q?.ko(this.failure);
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  private post(m: WriterMessage): void {
    this.worker.postMessage(m);
  }

  fileId(path: string, format: string): number {
    const handle = ++this.files;
    this.post({ op: 'file', handle, path, format });
    return handle;
  }

  scopeId(identity: ScopeIdentity): number {
    const key = scopeKey(identity);
    let handle = this.scopes.get(key);
    if (handle === undefined) {
      handle = this.scopes.size + 1;
      this.scopes.set(key, handle);
      this.flushLines();
      this.post({ op: 'scope', handle, identity });
    }
    return handle;
  }

  noteFile(key: string, file: string): void {
    this.post({ op: 'note', key, file });
  }

  finishFile(fileId: number, sha256: string, scopeKeys: readonly string[]): void {
    this.flushLines();
    this.post({ op: 'finishFile', handle: fileId, sha256, scopeKeys });
  }

  /** Asked on the writer thread, inside the import's transaction (after the lines sent before). */
  storedTwin(sha256: string): Promise<StoredTwin> {
    this.flushLines();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<StoredTwin>((ok, ko) => {
      this.question = { ok, ko };
      this.post({ op: 'twin', sha256 });
    });
  }

  /** Tells whether the next chunk's lines can be packed (its bytes do not hold the separator). */
  nextChunk(chunk: Uint8Array): void {
    const packable = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).indexOf(1) < 0;
    if (packable !== this.packable) this.flushLines();
    this.packable = packable;
  }

  addScopedRecord(scopeId: number, fileId: number | null, sourceRow: number, record: SpendRecord, tags: string): void {
    const p = this.parts;
    const at = p.length;
    p.push(scopeId, fileId ?? 0, sourceRow);
    writeRecord(record, tags, p, at + 3);
    if (p.length >= BATCH_ROWS * LINE_STRIDE) this.flushLines();
  }

  addRows(lines: readonly unknown[], scopeKeys: readonly string[], fileId: number | null, rowsBefore: number): void {
    const handles = scopeKeys.map((k) => {
      const h = this.scopes.get(k);
      if (h === undefined) throw new Error(`scope ${k} not opened`);
      return h;
    });
    this.flushLines();
    const values = lines.slice();
    for (let i = 0; i < values.length; i += LINE_STRIDE) {
      values[i] = handles[values[i] as number];
      values[i + 1] = fileId ?? 0;
      values[i + 2] = rowsBefore + (values[i + 2] as number);
    }
    this.inFlight++;
    this.post({ op: 'lines', values });
  }

  private flushLines(): void {
    const p = this.parts;
    if (p.length === 0) return;
    this.inFlight++;
    this.post(this.packable ? { op: 'lines', packed: p.join(PACK) } : { op: 'lines', values: p.slice() });
    p.length = 0;
  }

  /**
   * Sends the lines gathered so far (called after each chunk: the chunk's strings then die young),
   * waits while too many batches are in flight, and throws the writer thread's failure.
   */
  async drain(): Promise<void> {
    this.flushLines();
    while (this.failure === undefined && this.inFlight > MAX_IN_FLIGHT) await new Promise<void>((ok) => (this.waiter = ok));
    if (this.failure) throw this.failure;
  }

  writeRollups(buckets: readonly RollupBucket[]): void {
    this.flushLines();
    this.post({ op: 'rollups', buckets });
  }

  async commit(): Promise<{ key: string; identity: ScopeIdentity; rows: number }[]> {
    this.flushLines();
    if (this.failure) throw this.failure;
    const r = await this.finish({ op: 'commit' });
    if (r.op !== 'committed') throw this.failure ?? new Error('the store writer thread did not commit');
    return r.scopes;
  }

  /** Rolls the transaction back (the writer thread already did when it failed) and ends the thread. */
  async rollback(): Promise<void> {
    this.parts.length = 0;
    if (this.closed) this.restoreJournal(); // the thread crashed: its transaction died with its connection
    else await this.finish({ op: 'rollback' }).catch(() => undefined);
  }

  /** WAL again on the import's connection, once the writer thread is gone. */
  private restoreJournal(): void {
    if (!this.walLeft) return;
    this.walLeft = false;
    restoreWal(this.store.sqlite);
  }

  private async finish(m: WriterMessage): Promise<Reply> {
    try {
      return await new Promise<Reply>((ok, ko) => {
        this.final = { ok, ko };
        this.post(m);
      });
    } finally {
      this.final = undefined;
      this.closed = true;
      await this.worker.terminate();
      this.restoreJournal();
    }
  }
}
