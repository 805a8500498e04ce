/**
 * One CSV chunk (whole records) → mapped lines, rollup combinations and notes. Runs in a worker
 * thread for big files and in the main thread otherwise; the result is plain data either way.
 */
import { parse } from 'csv-parse/sync';
import { mapperFor, type SourceChoice } from '../spend/detect-format.js';
import { FieldProblem, Notes, type NoteEntry } from '../spend/field-values.js';
import type { MappedRow, MapperOptions, RowMapper } from '../spend/row-mapper.js';
import type { RollupBuilder } from '../spend/rollup.js';
import { RECORD_COLUMNS, recordTuple, scopeKey, type ScopeIdentity } from '../spend/spend-record.js';

export interface ChunkContext {
  readonly header: readonly string[];
  readonly source: SourceChoice;
  readonly mapperOptions: MapperOptions;
}

/** Lines of a chunk: for each record, [scopeIndex, 0 (file id slot), localRow, ...recordTuple] flattened. */
export interface ChunkResult {
  readonly records: number;
  readonly scopes: ScopeIdentity[];
  readonly lines: (string | number | null)[];
  /** The lines joined with U+0001 (null as empty text): one string crosses threads far cheaper than an array. */
  readonly packedLines?: string;
  readonly notes: NoteEntry[];
  /** The first bad record: its 1-based index within the chunk, field and problem. */
  readonly error?: { readonly localRow: number; readonly field?: string; readonly problem: string };
}

export const LINE_STRIDE = 3 + RECORD_COLUMNS.length;

export function buildMapper(ctx: ChunkContext): RowMapper {
  return mapperFor(ctx.header, ctx.source, ctx.mapperOptions);
}

/** Maps rows of cells; shared by the CSV chunks and Parquet row groups. */
export class RowBatch {
  readonly scopes: ScopeIdentity[] = [];
  private readonly scopeIndex = new Map<string, number>();
  readonly lines: (string | number | null)[];
  private filled = 0;
  readonly notes = new Notes();
  records = 0;

  /**
   * @param rollup where the rows' costs accumulate: the import's own builder (inline), or the
   *   worker's, flushed once per file (rollup combinations then cross threads once, not per chunk)
   * @param capacity expected rows, to size the line buffer once
   */
  constructor(
    private readonly mapper: RowMapper,
    private readonly rollup: RollupBuilder,
    capacity = 0,
  ) {
    this.lines = new Array(capacity * LINE_STRIDE);
  }

  /** Maps one row; throws FieldProblem. */
  add(cells: readonly unknown[], localRow: number): MappedRow {
    const m = this.mapper.map(cells as never, this.notes);
    const identity: ScopeIdentity = { source: 'file', provider: m.provider, account: m.account, period: m.record.BillingPeriodStart.slice(0, 10) };
    const key = scopeKey(identity);
    let si = this.scopeIndex.get(key);
    if (si === undefined) {
      si = this.scopes.length;
      this.scopes.push(identity);
      this.scopeIndex.set(key, si);
    }
    this.rollup.add(key, m);
    const tuple = recordTuple(m.record, m.tagsJson);
    const lines = this.lines;
    let at = this.filled;
    lines[at++] = si;
    lines[at++] = 0;
    lines[at++] = localRow;
    for (let i = 0; i < tuple.length; i++) lines[at++] = tuple[i] ?? null;
    this.filled = at;
    this.records++;
    return m;
  }

  result(error?: ChunkResult['error']): ChunkResult {
    this.lines.length = this.filled;
    return {
      records: this.records,
      scopes: this.scopes,
      lines: this.lines,
      notes: this.notes.entries(),
      ...(error ? { error } : {}),
    };
  }
}

export function processChunk(chunk: Uint8Array, mapper: RowMapper, width: number, rollup: RollupBuilder): ChunkResult {
  let rows: string[][];
  try {
    rows = parse(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), {
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
  } catch (err) {
    const e = err as Error & { records?: number };
    return new RowBatch(mapper, rollup).result({ localRow: (e.records ?? 0) + 1, problem: `malformed CSV: ${e.message}` });
  }
  const batch = new RowBatch(mapper, rollup, rows.length);
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i] as string[];
    if (cells.length > width) {
      return batch.result({ localRow: i + 1, problem: `expected ${width} fields as in the header, found ${cells.length}` });
    }
    if (cells.length < width) batch.notes.add(`fewer fields than the header (missing trailing cells read as empty)`, `row ${i + 1}: ${cells.length} of ${width}`);
    try {
      batch.add(cells, i + 1);
    } catch (err) {
      if (err instanceof FieldProblem) return batch.result({ localRow: i + 1, field: err.field, problem: err.problem });
      throw err;
    }
  }
  return batch.result();
}

const PACK = '\u0001';

/**
 * Lines → one string; undefined when a value contains the separator or is empty text (then the
 * array is sent as is). Record values are never '' (empty cells are null), so '' can stand for null.
 */
export function packLines(lines: readonly (string | number | null)[]): string | undefined {
  for (const v of lines) if (typeof v === 'string' && (v === '' || v.includes(PACK))) return undefined;
  return lines.join(PACK);
}

/** Inverse of packLines: strings back to values (null, numbers for the three leading slots). */
export function unpackLines(packed: string): (string | number | null)[] {
  if (packed === '') return [];
  const out: (string | number | null)[] = packed.split(PACK);
  for (let i = 0; i < out.length; i += LINE_STRIDE) {
    out[i] = Number(out[i]);
    out[i + 1] = 0;
    out[i + 2] = Number(out[i + 2]);
    for (let j = i + 3; j < i + LINE_STRIDE; j++) if (out[j] === '') out[j] = null;
  }
  return out;
}
