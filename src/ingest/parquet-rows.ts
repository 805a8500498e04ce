/**
 * Reads a Parquet billing file (FOCUS export, CUR 2.0) row group by row group with hyparquet.
 *
 * Exactness: hyparquet turns DECIMAL columns into JS numbers, which would round decimal(38,18)
 * amounts. So the DECIMAL annotation is removed from the metadata handed to the reader (the raw
 * unscaled integers come through) and the values are scaled here with BigInt, to the digit.
 * Doubles (CUR 2.0 costs) become their shortest round-trip decimal text.
 */
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../errors.js';

export interface ParquetRows {
  readonly header: string[];
  readonly totalRows: number;
  /** Row groups as arrays of cells in header order. */
  groups(): AsyncGenerator<unknown[][]>;
}

const decoder = new TextDecoder();

export async function openParquetRows(path: string): Promise<ParquetRows> {
  const file = await asyncBufferFromFile(path);
  const metadata: FileMetaData = await parquetMetadataAsync(file);
  const scales = new Map<string, number>();
  const root = metadata.schema[0];
  const header: string[] = [];
  // Top-level columns: walk the flattened schema, skipping nested children.
  let i = 1;
  while (i < metadata.schema.length) {
    const el = metadata.schema[i];
    if (!el) break;
    header.push(el.name);
    if (isDecimal(el)) {
      scales.set(el.name, el.scale ?? (el.logical_type?.type === 'DECIMAL' ? el.logical_type.scale : 0));
      delete el.converted_type;
      delete el.logical_type;
    }
    i += 1 + descendants(metadata.schema, i);
  }
  if (!root) throw new Error('parquet file without schema');
  return {
    header,
    totalRows: Number(metadata.num_rows),
    async *groups() {
      let start = 0;
      for (const [index, group] of metadata.row_groups.entries()) {
        const end = start + Number(group.num_rows);
        let rows: Record<string, unknown>[] = [];
        try {
          await parquetRead({
            file,
            metadata,
            compressors,
            rowStart: start,
            rowEnd: end,
            rowFormat: 'object',
            utf8: false,
            onComplete: (r) => {
              rows = r;
            },
          });
        } catch (err) {
          // A damaged page (bad bytes, a file cut and re-padded): the decoder's error, told with the file.
          const where = `in row group ${index + 1} of ${metadata.row_groups.length}, rows ${(start + 1).toLocaleString('en-US')} to ${end.toLocaleString('en-US')} of the data`;
          throw new InputError({ file: path }, `not a readable Parquet file: ${(err as Error).message} (${where})`);
        }
        yield rows.map((row) =>
          header.map((name) => {
            const scale = scales.get(name);
            const v = row[name];
            return scale !== undefined ? decimalText(v, scale) : cell(v);
          }),
        );
        start = end;
      }
    },
  };
}

function isDecimal(el: { converted_type?: string; logical_type?: { type: string } }): boolean {
  return el.converted_type === 'DECIMAL' || el.logical_type?.type === 'DECIMAL';
}

function descendants(schema: FileMetaData['schema'], at: number): number {
  const n = schema[at]?.num_children ?? 0;
  let count = 0;
  for (let c = 0; c < n; c++) {
    const child = at + 1 + count;
    count += 1 + descendants(schema, child);
  }
  return count;
}

/** Unannotated byte arrays (utf8: false) → text; maps and lists keep their shape. */
function cell(v: unknown): unknown {
  if (v instanceof Uint8Array) return decoder.decode(v);
  return v;
}

/** An unscaled DECIMAL (number, bigint or big-endian two's complement bytes) → exact decimal text. */
export function decimalText(v: unknown, scale: number): string | null {
  if (v === null || v === undefined) return null;
  let n: bigint;
  if (typeof v === 'bigint') n = v;
  else if (typeof v === 'number') n = BigInt(v);
  else if (v instanceof Uint8Array) {
    n = 0n;
    for (const byte of v) n = (n << 8n) | BigInt(byte);
    if (v.length > 0 && ((v[0] as number) & 0x80) !== 0) n -= 1n << BigInt(v.length * 8);
  } else return String(v);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString();
  if (scale <= 0) return (negative ? '-' : '') + digits + '0'.repeat(-scale);
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}
