/**
 * Worker thread: parses and maps CSV chunks sent by ChunkPool (see chunk-pool.ts). Rollup
 * combinations accumulate here for the whole file and are sent once, on "flush".
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RollupBuilder } from '../spend/rollup.js';
import { buildMapper, processChunk, type ChunkContext } from './chunk-processor.js';
import { packLines } from './line-packing.js';

const ctx = workerData as ChunkContext;
const mapper = buildMapper(ctx);
let rollup = new RollupBuilder();

parentPort?.on('message', (msg: { seq: number; buf?: Uint8Array; flush?: true }) => {
  try {
    if (msg.flush) {
      const combos = rollup.packed();
      rollup = new RollupBuilder();
      parentPort?.postMessage({ seq: msg.seq, combos }, [combos.values.buffer as ArrayBuffer]);
      return;
    }
    const result = processChunk(msg.buf as Uint8Array, mapper, ctx.header, rollup, ctx.newline);
    const packed = packLines(result.lines, msg.buf as Uint8Array);
    parentPort?.postMessage({ seq: msg.seq, result: packed === undefined ? result : { ...result, lines: [], packedLines: packed } });
  } catch (err) {
    parentPort?.postMessage({ seq: msg.seq, failure: (err as Error).stack ?? String(err) });
  }
});
