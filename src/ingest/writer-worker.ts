/**
 * Worker thread: the SQLite side of a big import (see threaded-writer.ts). It owns its own
 * connection to the store file and a SpendWriter, and applies the import's messages in order
 * within ONE transaction; lines arrive packed, many rows per message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RollupBucket } from '../spend/rollup.js';
import type { ScopeIdentity } from '../spend/spend-record.js';
import { openStore } from '../store/db.js';
import { SpendWriter } from '../store/spend-writer.js';
import { LINE_STRIDE, unpackLines } from './line-packing.js';
import type { WriterMessage } from './threaded-writer.js';

const { path, importedAt } = workerData as { path: string; importedAt: string };
const store = openStore(path, { keepJournalMode: true });
const writer = new SpendWriter(store, importedAt);
const files = new Map<number, number>();
const scopes = new Map<number, number>();
let failed = false;

function scopeOf(handle: number): number {
  const id = scopes.get(handle);
  if (id === undefined) throw new Error(`scope handle ${handle} not opened`);
  return id;
}

function apply(m: WriterMessage): void {
  switch (m.op) {
    case 'begin':
      writer.begin(); // the import thread already left WAL when it could (ThreadedSpendWriter)
      return;
    case 'file':
      files.set(m.handle, writer.fileId(m.path, m.format));
      return;
    case 'scope':
      scopes.set(m.handle, writer.scopeId(m.identity as ScopeIdentity));
      return;
    case 'note':
      writer.noteFile(m.key, m.file);
      return;
    case 'finishFile': {
      const id = files.get(m.handle);
      if (id === undefined) throw new Error(`file handle ${m.handle} not opened`);
      writer.finishFile(id, m.sha256, m.scopeKeys);
      return;
    }
    case 'twin':
      parentPort?.postMessage({ op: 'twin', stored: writer.storedTwin(m.sha256) });
      return;
    case 'lines': {
      const values = m.packed !== undefined ? unpackLines(m.packed) : (m.values as unknown[]);
      for (let i = 0; i < values.length; i += LINE_STRIDE) {
        const file = files.get(values[i + 1] as number) ?? null;
        writer.addScopedLine(scopeOf(values[i] as number), file, values[i + 2] as number, values, i + 3);
      }
      parentPort?.postMessage({ op: 'ack' });
      return;
    }
    case 'rollups':
      writer.writeRollups(m.buckets as RollupBucket[]);
      return;
    case 'commit': {
      const scopes = writer.commit();
      store.close();
      parentPort?.postMessage({ op: 'committed', scopes });
      return;
    }
    case 'rollback':
      writer.rollback();
      store.close();
      parentPort?.postMessage({ op: 'rolledBack' });
      return;
  }
}

parentPort?.on('message', (m: WriterMessage) => {
  if (failed) {
    if (m.op === 'rollback' || m.op === 'commit') parentPort?.postMessage({ op: 'rolledBack' });
    return;
  }
  try {
    apply(m);
  } catch (err) {
    // Roll back at once: the import thread learns of it at its next wait and stops.
    failed = true;
    try {
      writer.rollback();
    } finally {
      store.close();
      const { message, stack, code } = err as Error & { code?: unknown };
      parentPort?.postMessage({ op: 'failed', message, stack, ...(typeof code === 'string' ? { code } : {}) });
    }
  }
});
