/**
 * `nuage spend report --group-by env|app|service|account|region --period day|week|month
 *   [--from D --to D] [--basis billed|effective] [--tag-key K] [--source auto|file|cost-explorer]`
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { OUTPUT_FORMATS, renderSpendReports } from '../../spend/render-report.js';
import { BASES, GROUP_BYS, PERIODS } from '../../spend/report.js';
import { openStore } from '../../store/db.js';
import { querySpendReports, type SourcePreference } from '../../store/spend-queries.js';
import { configFlags, globalOptions, pickFormat, withGlobalOptions, type CliContext } from '../context.js';
import { choice, dayOption } from './options.js';

export const SOURCES: readonly SourcePreference[] = ['auto', 'file', 'cost-explorer'];

export function spendReportCommand(group: Command, ctx: CliContext): void {
  const report = withGlobalOptions(
    group
      .command('report')
      .description('spend totals by environment, application, service, account or region, per day, week or month')
      .option('--group-by <dim>', `${GROUP_BYS.join(' | ')}`, 'env')
      .option('--period <p>', `${PERIODS.join(' | ')}`, 'month')
      .option('--from <day>', 'first day, YYYY-MM-DD (inclusive)')
      .option('--to <day>', 'end day, YYYY-MM-DD (exclusive)')
      .option('--basis <basis>', 'billed (invoiced) or effective (amortized)', 'effective')
      .option('--tag-key <key>', 'tag holding the environment / application (default: env grouping: config file tagKey, $NUAGE_TAG_KEY, else env; app grouping: app)')
      .option('--source <source>', `${SOURCES.join(' | ')}: line items, or Cost Explorer pulls`, 'auto'),
    OUTPUT_FORMATS,
  );
  configFlags(report, { tagKey: 'tagKey' }).action(async (opts: Record<string, string | undefined>, cmd) => {
    const globals = await globalOptions(cmd, ctx.io);
    const groupBy = choice('--group-by', opts.groupBy, GROUP_BYS, 'env');
    // The configured tag key names the environment tag: it applies to env grouping (flags apply as given).
    const { values, origins } = globals.config;
    const tagKey = opts.tagKey ?? (groupBy === 'env' && origins.tagKey.kind !== 'default' ? values.tagKey : undefined);
    const format = pickFormat(globals.format, OUTPUT_FORMATS);
    const from = dayOption('--from', opts.from);
    const to = dayOption('--to', opts.to);
    if (from && to && from >= to) throw new UsageError(`--from ${from} must be before --to ${to} (exclusive end)`);
    const store = openStore(globals.db, { readonly: true, missing: 'nothing imported or pulled yet: nuage spend import, nuage spend pull' });
    try {
      const reports = querySpendReports(store, {
        groupBy,
        period: choice('--period', opts.period, PERIODS, 'month'),
        basis: choice('--basis', opts.basis, BASES, 'effective'),
        ...(tagKey ? { tagKey } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        source: choice('--source', opts.source, SOURCES, 'auto'),
      });
      ctx.io.stdout(renderSpendReports(reports, format));
    } finally {
      store.close();
    }
  });
}
