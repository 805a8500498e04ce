/**
 * One CSV chunk (whole records) → mapped lines, rollup combinations and notes. Runs in a worker
 * thread for big files and in the main thread otherwise; the result is plain data either way.
 */
import { mapperFor, type SourceChoice } from '../spend/detect-format.js';
import { FieldProblem, Notes, tagsJson, type NoteEntry } from '../spend/field-values.js';
import type { MappedRow, MapperOptions, RowMapper } from '../spend/row-mapper.js';
import type { RollupBuilder } from '../spend/rollup.js';
import { scopeKey, writeRecord, type ScopeIdentity, type SpendRecord } from '../spend/spend-record.js';
import { eachCsvRecord, type Newline } from './csv-records.js';

export interface ChunkContext {
  readonly header: readonly string[];
  readonly newline: Newline;
  readonly source: SourceChoice;
  readonly mapperOptions: MapperOptions;
}

/** Lines of a chunk: for each record, [scopeIndex, 0 (file id slot), localRow, ...recordTuple] flattened. */
export interface ChunkResult {
  readonly records: number;
  /** Rows the chunk spans (records and empty lines): the next chunk's rows are numbered after them. */
  readonly rows: number;
  readonly scopes: ScopeIdentity[];
  readonly lines: (string | number | null)[];
  /** The lines joined with U+0001 (null as empty text): one string crosses threads far cheaper than an array. */
  readonly packedLines?: string;
  readonly notes: NoteEntry[];
  /** The first bad record: its 1-based row within the chunk, field and problem. */
  readonly error?: { readonly localRow: number; readonly field?: string; readonly problem: string };
}

export function buildMapper(ctx: ChunkContext): RowMapper {
  return mapperFor(ctx.header, ctx.source, ctx.mapperOptions);
}

/**
 * Lines written to the store as they are mapped (the inline import): no per-chunk array of lines,
 * so nothing a row allocates outlives the young generation.
 */
export interface LineSink {
  /** The id of a scope, opened (and emptied, see SpendWriter.scopeId) the first time it is met. */
  openScope(identity: ScopeIdentity): number;
  line(scope: number, localRow: number, record: SpendRecord, tags: string): void;
}

/** Maps rows of cells; shared by the CSV chunks and Parquet row groups. */
export class RowBatch {
  readonly scopes: ScopeIdentity[] = [];
  private readonly scopeIndex = new Map<string, number>();
  /** The scope of the previous row: consecutive rows nearly always share it. */
  private last: { provider: string; account: string; billingStart: string; key: string; index: number } | undefined;
  readonly lines: (string | number | null)[] = [];
  readonly notes = new Notes();
  records = 0;

  /**
   * @param rollup where the rows' costs accumulate: the import's own builder (inline), or the
   *   worker's, flushed once per file (rollup combinations then cross threads once, not per chunk)
   * @param sink where lines go; without one they are gathered in `lines` (worker threads, Parquet)
   */
  constructor(
    private readonly mapper: RowMapper,
    private readonly rollup: RollupBuilder,
    private readonly sink?: LineSink,
  ) {}

  /** Maps one row; throws FieldProblem. */
  add(cells: readonly unknown[], localRow: number): MappedRow {
    const m = this.mapper.map(cells as never, this.notes);
    const billingStart = m.record.BillingPeriodStart;
    let last = this.last;
    if (last === undefined || last.billingStart !== billingStart || last.account !== m.account || last.provider !== m.provider) {
      last = this.last = this.scopeOf(m.provider, m.account, billingStart);
    }
    this.rollup.add(last.key, m);
    const tags = m.tagsJson ?? tagsJson(m.record.Tags);
    if (this.sink) this.sink.line(last.index, localRow, m.record, tags);
    else {
      const lines = this.lines;
      const at = lines.length;
      lines.push(last.index, 0, localRow);
      writeRecord(m.record, tags, lines, at + 3);
    }
    this.records++;
    return m;
  }

  private scopeOf(provider: string, account: string, billingStart: string): NonNullable<RowBatch['last']> {
    const identity: ScopeIdentity = { source: 'file', provider, account, period: billingStart.slice(0, 10) };
    const key = scopeKey(identity);
    let index = this.scopeIndex.get(key);
    if (index === undefined) {
      if (this.sink) index = this.sink.openScope(identity);
      else {
        index = this.scopes.length;
        this.scopes.push(identity);
      }
      this.scopeIndex.set(key, index);
    }
    return { provider, account, billingStart, key, index };
  }

  /** `rows`: rows spanned (CSV: records and empty lines; Parquet: records). */
  result(rows: number, error?: ChunkResult['error']): ChunkResult {
    return {
      records: this.records,
      rows,
      scopes: this.scopes,
      lines: this.lines,
      notes: this.notes.entries(),
      ...(error ? { error } : {}),
    };
  }
}

/**
 * `header`: the file's column names. Chunks end at record ends, so a text that does not end with a
 * line break is the file's last piece: its last record, when shorter than the header, is a row cut
 * short (a truncated download) and refused, never imported with a cut amount. Shorter rows that
 * end with their line break are tolerated (the koku CUR rows are one field short).
 */
export function processChunk(chunk: Uint8Array, mapper: RowMapper, header: readonly string[], rollup: RollupBuilder, newline: Newline, sink?: LineSink): ChunkResult {
  const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
  const width = header.length;
  const batch = new RowBatch(mapper, rollup, sink);
  let error: ChunkResult['error'];
  const unterminated = text.length > 0 && text.charCodeAt(text.length - 1) !== 10;
  let lastRow = 0;
  let lastWidth = width;
  const pass = eachCsvRecord(text, newline, (cells, row) => {
    lastRow = row;
    lastWidth = cells.length;
    if (cells.length > width) {
      error = { localRow: row, problem: `expected ${width} fields as in the header, found ${cells.length}` };
      return false;
    }
    if (cells.length < width) batch.notes.add(`fewer fields than the header (missing trailing cells read as empty)`, `${cells.length} of ${width} fields`, row);
    try {
      batch.add(cells, row);
    } catch (err) {
      if (!(err instanceof FieldProblem)) throw err;
      error = { localRow: row, field: err.field, problem: err.problem };
      return false;
    }
    return true;
  });
  if (pass.error && !error) error = { localRow: pass.error.row, problem: `malformed CSV: ${pass.error.message}` };
  if (!error && unterminated && lastRow === pass.rows && lastWidth < width) {
    error = {
      localRow: lastRow,
      field: header[lastWidth - 1] ?? '',
      problem: `the file ends inside this row (${lastWidth} of ${width} fields, no line break after it): it looks cut short; import the complete file`,
    };
  }
  return batch.result(pass.rows, error);
}
