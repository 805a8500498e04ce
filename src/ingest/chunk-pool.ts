/**
 * A small pool of worker threads parsing CSV chunks in parallel. Results come back as promises;
 * the importer awaits them in file order, so row numbers and errors stay exact.
 */
import type { Worker } from 'node:worker_threads';
import type { PackedCombos } from '../spend/rollup.js';
import type { ChunkContext, ChunkResult } from './chunk-processor.js';
import { startWorker } from './start-worker.js';

export class ChunkPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { ok: (r: never) => void; ko: (e: Error) => void }>();
  private next = 0;
  private seq = 0;

  constructor(size: number, ctx: ChunkContext) {
    for (let i = 0; i < size; i++) {
      const w = startWorker('parse-worker', ctx);
      w.on('message', (m: { seq: number; result?: ChunkResult; combos?: PackedCombos; failure?: string }) => {
        const p = this.waiting.get(m.seq);
        if (!p) return;
        this.waiting.delete(m.seq);
        if (m.failure !== undefined) p.ko(new Error(`parse worker failed: ${m.failure}`));
        else p.ok((m.result ?? m.combos) as never);
      });
      w.on('error', (err) => this.failAll(err));
      this.workers.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends a chunk (copied into a transferable buffer) to the next worker. */
  submit(chunk: Uint8Array): Promise<ChunkResult> {
    const seq = this.seq++;
    const worker = this.workers[this.next++ % this.workers.length] as Worker;
    const copy = new Uint8Array(chunk);
    return new Promise<ChunkResult>((ok, ko) => {
      this.waiting.set(seq, { ok: ok as (r: never) => void, ko });
      worker.postMessage({ seq, buf: copy }, [copy.buffer]);
    });
  }

  /** Each worker's rollup combinations for the file (call once all chunks are done). */
  flush(): Promise<PackedCombos[]> {
    return Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<PackedCombos>((ok, ko) => {
            const seq = this.seq++;
            this.waiting.set(seq, { ok: ok as (r: never) => void, ko });
            worker.postMessage({ seq, flush: true });
          }),
      ),
    );
  }

  private failAll(err: Error): void {
    for (const [, p] of this.waiting) p.ko(err);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
