/**
 * `nuage spend import <file...> [--source focus|cur|auto] [--currency CODE] [--workers N]`
 */
import type { Command } from 'commander';
import { basename } from 'node:path';
import type { ImportProgress, ImportResult } from '../../ingest/import-spend.js';
import { SOURCE_CHOICES } from '../../spend/detect-format.js';
import { checkStoreLocation, withWritableStore } from '../../store/db.js';
import { globalOptions, pickFormat, withGlobalOptions, type CliContext } from '../context.js';
import { userFileOrDirectory } from '../files.js';
import { choice, count, positiveInt } from './options.js';
import { UsageError } from '../../errors.js';

const FORMATS = ['table', 'json'] as const;

export function spendImportCommand(group: Command, ctx: CliContext): void {
  withGlobalOptions(
    group
      .command('import')
      .description('import billing files (FOCUS 1.0–1.2, CUR, CUR 2.0; CSV, CSV.gz or Parquet; directories too); a billing period imported again replaces the stored one')
      .argument('<file...>', 'files or directories')
      .option('--source <format>', `file format: ${SOURCE_CHOICES.join(', ')}`, 'auto')
      .option('--currency <code>', 'currency of files without a currency column (default USD)')
      .option('--workers <n>', 'parse threads for big CSV files (default: automatic)'),
    FORMATS,
  ).action(async (files: string[], opts: { source?: string; currency?: string; workers?: string }, cmd) => {
    const globals = await globalOptions(cmd, ctx.io);
    const format = pickFormat(globals.format, FORMATS);
    const source = choice('--source', opts.source, SOURCE_CHOICES, 'auto');
    if (opts.currency !== undefined && !/^[A-Za-z]{3}$/.test(opts.currency)) throw new UsageError(`--currency expects a 3-letter code, got "${opts.currency}"`);
    const workers = positiveInt('--workers', opts.workers);
    const paths = files.map((f) => userFileOrDirectory(ctx.io, f, 'billing file (CSV, CSV.gz, Parquet) or directory').path);
    checkStoreLocation(globals.db);
    // hyparquet and the parse pipeline load only when importing.
    const { importSpendFiles } = await import('../../ingest/import-spend.js');
    await withWritableStore(globals.db, async (store) => {
      const result = await importSpendFiles(
        store,
        paths,
        {
          source,
          ...(opts.currency ? { currency: opts.currency.toUpperCase() } : {}),
          ...(workers !== undefined ? { workers } : {}),
          now: ctx.io.now(),
          onProgress: (p) => ctx.io.stderr(progressLine(p)),
          progressEveryMs: 2000,
        },
      );
      ctx.io.stdout(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : renderImport(result));
    });
  });
}

export function progressLine(p: ImportProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.rows / seconds : 0;
  const pct = p.fraction !== undefined ? `, ${Math.round(p.fraction * 100)}%` : '';
  const eta = p.fraction !== undefined && p.fraction > 0 && p.fraction < 1 ? `, ETA ${Math.ceil((seconds * (1 - p.fraction)) / p.fraction)} s` : '';
  return `spend import: ${basename(p.file)}: ${count(p.rows)} rows, ${count(rate)} rows/s${pct}${eta}\n`;
}

function renderImport(r: ImportResult): string {
  const seconds = r.elapsedMs / 1000;
  const lines = [
    `Imported ${count(r.rows)} rows from ${r.files.length} file${r.files.length === 1 ? '' : 's'} in ${seconds.toFixed(2)} s (${count(seconds > 0 ? r.rows / seconds : 0)} rows/s), one transaction.`,
  ];
  for (const f of r.files) lines.push(`  ${f.path}: ${f.format.toUpperCase()}, ${count(f.rows)} rows`);
  if (r.scopes.length) {
    lines.push('Billing periods stored (each replaces any earlier import of the same period):');
    for (const s of r.scopes) lines.push(`  ${s.identity.provider || '-'} account ${s.identity.account}, period from ${s.identity.period}: ${count(s.rows)} rows`);
  }
  if (r.notes.length) {
    lines.push('Notes:');
    for (const n of r.notes) lines.push(`  ${n}`);
  }
  return lines.join('\n') + '\n';
}
