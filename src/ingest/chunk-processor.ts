/**
 * One CSV chunk (whole records) → mapped lines, rollup combinations and notes. Runs in a worker
 * thread for big files and in the main thread otherwise; the result is plain data either way.
 */
import { parse } from 'csv-parse/sync';
import { mapperFor, type SourceChoice } from '../spend/detect-format.js';
import { FieldProblem, Notes, type NoteEntry } from '../spend/field-values.js';
import type { MappedRow, MapperOptions, RowMapper } from '../spend/row-mapper.js';
import { RollupBuilder, type PackedCombos } from '../spend/rollup.js';
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
  readonly combos: PackedCombos;
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
  readonly rollup = new RollupBuilder();
  readonly notes = new Notes();
  records = 0;

  /** `capacity`: expected rows, to size the line buffer once. */
  constructor(
    private readonly mapper: RowMapper,
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
      combos: this.rollup.packed(),
      notes: this.notes.entries(),
      ...(error ? { error } : {}),
    };
  }
}

export function processChunk(chunk: Uint8Array, mapper: RowMapper, width: number): ChunkResult {
  let rows: string[][];
  try {
    rows = parse(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), {
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
  } catch (err) {
    const e = err as Error & { records?: number };
    return new RowBatch(mapper).result({ localRow: (e.records ?? 0) + 1, problem: `malformed CSV: ${e.message}` });
  }
  const batch = new RowBatch(mapper, rows.length);
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
