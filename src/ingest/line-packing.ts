/**
 * Lines crossing threads: [scope, file, row, ...record values] × n joined into one string with
 * U+0001 (one string crosses threads far cheaper than an array of strings).
 */
import { RECORD_COLUMNS } from '../spend/spend-record.js';

export const LINE_STRIDE = 3 + RECORD_COLUMNS.length;

export const PACK = '\u0001';

/**
 * Lines → one string, or undefined when the chunk's bytes hold the separator (then the array is
 * sent as is). Every value is a piece of the chunk's text, or generated ASCII, or JSON (which
 * escapes control characters), so one look at the chunk is enough. Record values are never ''
 * (empty cells are null) and join writes null as '', so '' stands for null.
 */
export function packLines(lines: readonly (string | number | null)[], chunk: Uint8Array): string | undefined {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).indexOf(1) >= 0 ? undefined : lines.join(PACK);
}

/** Inverse of packLines: strings back to values (null, numbers for the three leading slots: scope, file, row). */
export function unpackLines(packed: string): (string | number | null)[] {
  if (packed === '') return [];
  const out: (string | number | null)[] = packed.split(PACK);
  for (let i = 0; i < out.length; i += LINE_STRIDE) {
    out[i] = Number(out[i]);
    out[i + 1] = Number(out[i + 1]);
    out[i + 2] = Number(out[i + 2]);
    for (let j = i + 3; j < i + LINE_STRIDE; j++) if (out[j] === '') out[j] = null;
  }
  return out;
}
