/**
 * `nuage spend import`: billing files (FOCUS / CUR / CUR 2.0; CSV, CSV.gz, Parquet) into the store,
 * all files in ONE transaction: a bad row anywhere names file, row and field and leaves the store
 * exactly as it was. Each billing period met replaces what was stored for it (idempotent).
 * Big CSV files are parsed by worker threads in parallel; rows are written in file order.
 * For big CSV files the SQLite writes run on a second thread (threaded-writer.ts), in that same
 * one transaction, while this thread parses and maps.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { SourceChoice } from '../spend/detect-format.js';
import { FieldProblem, Notes } from '../spend/field-values.js';
import type { SpendFormat } from '../spend/row-mapper.js';
import { RollupBuilder } from '../spend/rollup.js';
import { scopeKey, type ScopeIdentity } from '../spend/spend-record.js';
import type { Store } from '../store/db.js';
import { SpendWriter } from '../store/spend-writer.js';
import { ThreadedSpendWriter, type ImportWriter } from './threaded-writer.js';
import { buildMapper, processChunk, RowBatch, type ChunkContext, type ChunkResult, type LineSink } from './chunk-processor.js';
import { unpackLines } from './line-packing.js';
import { ChunkPool } from './chunk-pool.js';
import { openCsvChunks } from './csv-chunks.js';
import type { Newline } from './csv-records.js';
import { openParquetRows } from './parquet-rows.js';

export interface ImportProgress {
  readonly file: string;
  /** Rows imported so far (all files). */
  readonly rows: number;
  /** 0..1 of the current file, when known. */
  readonly fraction: number | undefined;
  readonly elapsedMs: number;
}

export interface ImportOptions {
  readonly source?: SourceChoice;
  /** Currency for files that have no currency column. */
  readonly currency?: string;
  /** Parse workers for big CSV files; default autoWorkers(): 0 on machines under 4 cores or files under 16 MiB. */
  readonly workers?: number;
  /** Store writes on a second thread (file stores only); default autoWriterThread(): CSV files of 16 MiB or more, 2+ cores. */
  readonly writerThread?: boolean;
  /** CSV chunk size in bytes (default 64 KiB inline, 4 MiB for workers). */
  readonly chunkBytes?: number;
  readonly onProgress?: (p: ImportProgress) => void;
  /** Milliseconds between progress calls (default 1000). */
  readonly progressEveryMs?: number;
  /** Import time stamped on scopes (ISO). */
  readonly now: Date;
}

export interface ImportedFile {
  readonly path: string;
  /** "empty": a zero-byte file (no header), imported as zero rows. */
  readonly format: SpendFormat | 'empty';
  readonly rows: number;
  /** sha256 of the file's content (CSV: after gzip decompression; Parquet: the file's bytes). */
  readonly sha256: string;
}

export interface ImportResult {
  readonly files: ImportedFile[];
  readonly scopes: { key: string; identity: ScopeIdentity; rows: number }[];
  readonly rows: number;
  readonly notes: string[];
  readonly elapsedMs: number;
}

const PARQUET_MAGIC = /\.parquet$/i;
const AUTO_WORKER_BYTES = 16 << 20;
/**
 * Inline, small reads: 64 KiB buffers and strings are recycled cheaply, while fresh 4 MiB ones cost
 * page faults and GC promotion (measured: about 3 µs of CPU per row on the bench file).
 */
const INLINE_CHUNK_BYTES = 64 << 10;
/** Workers get bigger chunks: fewer messages between threads. */
const WORKER_CHUNK_BYTES = 4 << 20;

/**
 * Parse threads for a CSV of this size. A worker pays for itself only when a core is free for it:
 * with the main thread writing SQLite, that needs 4+ cores (measured on 2 cores: inline 41 µs of
 * CPU per row, two workers 60 µs and no faster). Big files only; at most 4.
 */
export function autoWorkers(bytes: number, cores = availableParallelism()): number {
  if (bytes < AUTO_WORKER_BYTES || cores < 4) return 0;
  return Math.min(4, cores - 1);
}

const BILLING_FILE = /\.(csv|csv\.gz|gz|parquet)$/i;

/**
 * Expands directories into their billing files (.csv, .csv.gz, .gz, .parquet), sorted, de-duplicated.
 * A directory without any, or no file at all, is an error: an import that reads nothing is a mistake.
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let st;
    try {
      st = await stat(full);
    } catch {
      throw new InputError({ file: p }, 'no such file or directory');
    }
    if (st.isDirectory()) {
      const entries = (await readdir(full, { recursive: true })).map((e) => join(full, e.toString())).sort();
      const before = out.length;
      for (const e of entries) if (BILLING_FILE.test(e) && (await stat(e)).isFile()) out.push(e);
      if (out.length === before) {
        throw new InputError({ file: p }, `no billing files in this directory (looked for .csv, .csv.gz, .gz, .parquet${entries.length ? `, among ${entries.length} entries` : ', it is empty'})`);
      }
    } else out.push(full);
  }
  if (out.length === 0) throw new InputError({ file: '(no path)' }, 'no billing files to import');
  return [...new Set(out)];
}

export async function importSpendFiles(store: Store, paths: readonly string[], options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const files = await expandPaths(paths);
  const importedAt = options.now.toISOString();
  const threaded = (await writerThreadFor(store, files, options)) ? new ThreadedSpendWriter(store, importedAt) : undefined;
  const local = threaded ? undefined : new SpendWriter(store, importedAt);
  const writer = (threaded ?? local) as ImportWriter;
  const rollup = new RollupBuilder();
  const notes = new Notes();
  const headerNotes = new Map<string, string[]>();
  const imported: ImportedFile[] = [];
  const byContent = new Map<string, string>();
  let totalRows = 0;
  local?.begin({ bulk: true });
  try {
    for (const file of files) {
      const ctx: FileContext = { writer, threaded, rollup, notes, headerNotes, options, started, rowsBefore: totalRows, scopeKeys: new Set() };
      const done = PARQUET_MAGIC.test(file) ? await importParquet(file, ctx) : await importCsv(file, ctx);
      // The same content twice in one import would add up: refused (an empty file has nothing to count twice).
      const twin = byContent.get(done.file.sha256);
      if (twin !== undefined && done.file.rows > 0) {
        throw new InputError({ file }, `same content as ${twin} (sha256 ${done.file.sha256.slice(0, 12)}…), also given to this import: its rows would count twice; import one of them`);
      }
      byContent.set(done.file.sha256, file);
      writer.finishFile(done.fileId, done.file.sha256, [...ctx.scopeKeys]);
      imported.push(done.file);
      totalRows += done.file.rows;
    }
    // A file with this content still stored under scopes this import does not replace would count twice.
    for (const f of imported) {
      const stored = f.rows > 0 ? await writer.storedTwin(f.sha256) : undefined;
      if (stored) {
        throw new InputError(
          { file: f.path },
          `same content (sha256 ${f.sha256.slice(0, 12)}…) as ${stored.path}, imported ${stored.importedAt} and still stored as ${describeScope(stored.scopeKey)}, which this import does not replace: its rows would count twice. Delete that import first or import under the same billing account and period`,
        );
      }
    }
    writer.writeRollups(rollup.buckets());
    const scopes = threaded ? await threaded.commit() : (local as SpendWriter).commit();
    const noteLines = [
      ...[...headerNotes].map(([note, names]) => `${note}: ${names.length > 3 ? `${names.length} files (${names.slice(0, 3).join(', ')}, …)` : names.join(', ')}`),
      ...notes.entries().map((n) => `${n.kind}: ${n.count} row${n.count === 1 ? '' : 's'} (e.g. ${n.row !== undefined ? `row ${n.row}: ` : ''}${n.example})`),
    ];
    return { files: imported, scopes, rows: totalRows, notes: noteLines, elapsedMs: performance.now() - started };
  } catch (err) {
    if (threaded) await threaded.rollback();
    else local?.rollback();
    throw err;
  }
}

/** `file|AWS|0123|2026-11-01` → `billing period from 2026-11-01 of AWS account 0123`. */
function describeScope(key: string): string {
  const [, provider = '', account = '', period = ''] = key.split('|');
  return `billing period from ${period} of ${provider ? `${provider} ` : ''}account ${account}`;
}

/**
 * The store's writes go to a second thread for big CSV imports (16 MiB or more) when the store is a
 * file and a second core exists. Measured on 2 shared cores, 1M rows (docs/spend.md): with the
 * second core free, 92,600 rows/s instead of 69,500; the hand-over costs about 3 µs of CPU per row,
 * so on a machine whose cores are all busy it gains nothing.
 */
export function autoWriterThread(csvBytes: number, cores = availableParallelism()): boolean {
  return cores >= 2 && csvBytes >= AUTO_WORKER_BYTES;
}

async function writerThreadFor(store: Store, files: readonly string[], options: ImportOptions): Promise<boolean> {
  if (store.path === ':memory:' || store.path === '') return false;
  if (options.writerThread !== undefined) return options.writerThread;
  let bytes = 0;
  for (const f of files) if (!PARQUET_MAGIC.test(f)) bytes += (await stat(f)).size;
  return autoWriterThread(bytes);
}

interface FileContext {
  readonly writer: ImportWriter;
  /** Set when the writes go to a second thread: waited on after each chunk (bounded memory). */
  readonly threaded: ThreadedSpendWriter | undefined;
  /** Scope keys the current file wrote to. */
  readonly scopeKeys: Set<string>;
  readonly rollup: RollupBuilder;
  readonly notes: Notes;
  readonly headerNotes: Map<string, string[]>;
  readonly options: ImportOptions;
  readonly started: number;
  readonly rowsBefore: number;
}

function mapperContext(file: string, header: string[], newline: Newline, options: ImportOptions): ChunkContext {
  return {
    header,
    newline,
    source: options.source ?? 'auto',
    mapperOptions: options.currency ? { defaultCurrency: options.currency } : {},
  };
}

function headerMapper(file: string, ctx: ChunkContext) {
  try {
    return buildMapper(ctx);
  } catch (err) {
    if (err instanceof FieldProblem) throw new InputError({ file, field: err.field }, err.problem);
    throw err;
  }
}

/**
 * Applies one chunk's result: lines to the writer, combos to the rollup; throws on its error.
 * `rowBase` + a chunk-local row = the row in the file: CSV rows as a spreadsheet numbers them (header =
 * row 1, so the first chunk's base is 1); Parquet rows counted in the data (`rowKind` "data").
 */
function applyChunk(file: string, fileId: number, rowBase: number, r: ChunkResult, fc: FileContext, rowKind?: 'data'): void {
  if (r.error) {
    throw new InputError(
      { file, row: rowBase + r.error.localRow, ...(rowKind ? { rowKind } : {}), ...(r.error.field ? { field: r.error.field } : {}) },
      r.error.problem,
    );
  }
  const keys = r.scopes.map((identity) => {
    const key = scopeKey(identity);
    fc.writer.scopeId(identity);
    fc.writer.noteFile(key, basename(file));
    fc.scopeKeys.add(key);
    return key;
  });
  fc.writer.addRows(r.packedLines !== undefined ? unpackLines(r.packedLines) : r.lines, keys, fileId, rowBase);
  fc.notes.merge(r.notes, rowBase);
}

function progressTicker(file: string, fc: FileContext, fraction: () => number | undefined) {
  const every = fc.options.progressEveryMs ?? 1000;
  let last = performance.now();
  let shown = false;
  /** `final`: the file is done; reported only when progress was shown for it (a long file). */
  return (rows: number, final = false): void => {
    if (!fc.options.onProgress) return;
    const now = performance.now();
    if (final ? !shown : now - last < every) return;
    last = now;
    shown = true;
    fc.options.onProgress({ file, rows: fc.rowsBefore + rows, fraction: fraction(), elapsedMs: now - fc.started });
  };
}

interface FileDone {
  readonly file: ImportedFile;
  readonly fileId: number;
}

async function importCsv(file: string, fc: FileContext): Promise<FileDone> {
  const workers = fc.options.workers ?? autoWorkers((await stat(file)).size);
  const csv = await openCsvChunks(file, fc.options.chunkBytes ?? (workers > 0 ? WORKER_CHUNK_BYTES : INLINE_CHUNK_BYTES));
  if (csv.header.every((h) => h === '') && csv.totalBytes === 0) {
    for await (const _ of csv.chunks()); // nothing, but the hash is complete
    const fileId = fc.writer.fileId(file, 'empty');
    addHeaderNotes(fc, file, ['empty file (zero bytes): nothing imported']);
    return { file: { path: file, format: 'empty', rows: 0, sha256: csv.sha256() }, fileId };
  }
  const ctx = mapperContext(file, csv.header, csv.newline, fc.options);
  const mapper = headerMapper(file, ctx);
  addHeaderNotes(fc, file, mapper.headerNotes);
  const fileId = fc.writer.fileId(file, mapper.format);
  const tick = progressTicker(file, fc, () => (csv.totalBytes > 0 ? Math.min(1, csv.bytesRead() / csv.totalBytes) : undefined));
  let rows = 0;
  // Spreadsheet row of the last row read: the header is row 1.
  let lastRow = 1;
  if (workers <= 0) {
    const label = basename(file);
    const sink: LineSink = {
      openScope: (identity) => {
        const id = fc.writer.scopeId(identity);
        const key = scopeKey(identity);
        fc.writer.noteFile(key, label);
        fc.scopeKeys.add(key);
        return id;
      },
      line: (scope, localRow, record, tags) => fc.writer.addScopedRecord(scope, fileId, lastRow + localRow, record, tags),
    };
    for await (const chunk of csv.chunks()) {
      fc.threaded?.nextChunk(chunk);
      const r = processChunk(chunk, mapper, csv.header, fc.rollup, csv.newline, sink);
      applyChunk(file, fileId, lastRow, r, fc);
      rows += r.records;
      lastRow += r.rows;
      tick(rows);
      await fc.threaded?.drain();
    }
  } else {
    const pool = new ChunkPool(workers, ctx);
    const inFlight: Promise<ChunkResult>[] = [];
    const drainOne = async (): Promise<void> => {
      const r = await (inFlight.shift() as Promise<ChunkResult>);
      applyChunk(file, fileId, lastRow, r, fc);
      rows += r.records;
      lastRow += r.rows;
      tick(rows);
      await fc.threaded?.drain();
    };
    try {
      for await (const chunk of csv.chunks()) {
        inFlight.push(pool.submit(chunk));
        if (inFlight.length >= pool.size * 2) await drainOne();
      }
      while (inFlight.length) await drainOne();
      for (const combos of await pool.flush()) fc.rollup.mergePacked(combos);
    } finally {
      await Promise.allSettled(inFlight);
      await pool.close();
    }
  }
  tick(rows, true);
  return { file: { path: file, format: mapper.format, rows, sha256: csv.sha256() }, fileId };
}

async function importParquet(file: string, fc: FileContext): Promise<FileDone> {
  let pq;
  try {
    pq = await openParquetRows(file);
  } catch (err) {
    throw new InputError({ file }, `not a readable Parquet file: ${(err as Error).message}`);
  }
  const ctx = mapperContext(file, pq.header, '\n', fc.options);
  const mapper = headerMapper(file, ctx);
  addHeaderNotes(fc, file, mapper.headerNotes);
  const fileId = fc.writer.fileId(file, mapper.format);
  let rows = 0;
  const tick = progressTicker(file, fc, () => (pq.totalRows > 0 ? rows / pq.totalRows : undefined));
  for await (const group of pq.groups()) {
    const batch = new RowBatch(mapper, fc.rollup);
    let error: ChunkResult['error'];
    for (let i = 0; i < group.length && !error; i++) {
      try {
        batch.add(group[i] as unknown[], i + 1);
      } catch (err) {
        if (!(err instanceof FieldProblem)) throw err;
        error = { localRow: i + 1, field: err.field, problem: err.problem };
      }
    }
    const r = batch.result(group.length, error);
    applyChunk(file, fileId, rows, r, fc, 'data');
    rows += r.records;
    tick(rows);
    await fc.threaded?.drain();
  }
  tick(rows, true);
  return { file: { path: file, format: mapper.format, rows, sha256: await fileSha256(file) }, fileId };
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path)) hash.update(piece as Buffer);
  return hash.digest('hex');
}

function addHeaderNotes(fc: FileContext, file: string, notes: readonly string[]): void {
  for (const n of notes) {
    const list = fc.headerNotes.get(n) ?? [];
    list.push(basename(file));
    fc.headerNotes.set(n, list);
  }
}
