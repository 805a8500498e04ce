/**
 * Worker thread: parses and maps CSV chunks sent by ChunkPool (see chunk-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildMapper, processChunk, type ChunkContext } from './chunk-processor.js';

const ctx = workerData as ChunkContext;
const mapper = buildMapper(ctx);
const width = ctx.header.length;

parentPort?.on('message', (msg: { seq: number; buf: Uint8Array }) => {
  try {
    const result = processChunk(msg.buf, mapper, width);
    parentPort?.postMessage({ seq: msg.seq, result }, [result.combos.values.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort?.postMessage({ seq: msg.seq, failure: (err as Error).stack ?? String(err) });
  }
});
