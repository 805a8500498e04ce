/**
 * `nuage spend pull [--from D] [--to D] [--tag-key env] [--refresh] [--endpoint URL]`
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { PullResult } from '../../ingest/pull-cost-explorer.js';
import { addDays } from '../../spend/timestamp.js';
import { checkStoreLocation, withWritableStore } from '../../store/db.js';
import { configFlags, globalOptions, pickFormat, withGlobalOptions, type CliContext } from '../context.js';
import { count, dayOption } from './options.js';

const FORMATS = ['table', 'json'] as const;

export function spendPullCommand(group: Command, ctx: CliContext): void {
  const pull = withGlobalOptions(
    group
      .command('pull')
      .description('pull daily spend from Cost Explorer (GetCostAndUsage, by service and a tag); only days not stored yet are requested — each request is billed by AWS')
      .option('--from <day>', 'first day, YYYY-MM-DD (default: first day of this month)')
      .option('--to <day>', 'end day, YYYY-MM-DD, exclusive (default: tomorrow)')
      .option('--tag-key <key>', 'tag to group by, the environment tag (default: config file tagKey, $NUAGE_TAG_KEY, else env)')
      .option('--refresh', 'request every day again, even those stored as final')
      .option('--endpoint <url>', 'Cost Explorer endpoint override (tests, emulators); also AWS_ENDPOINT_URL_COST_EXPLORER'),
    FORMATS,
  );
  configFlags(pull, { tagKey: 'tagKey' }).action(async (flags: { from?: string; to?: string; refresh?: boolean; endpoint?: string }, cmd) => {
    const globals = await globalOptions(cmd, ctx.io);
    const opts = { ...flags, tagKey: globals.config.values.tagKey };
    const format = pickFormat(globals.format, FORMATS);
    const today = ctx.io.now().toISOString().slice(0, 10);
    const from = dayOption('--from', opts.from) ?? `${today.slice(0, 7)}-01`;
    const to = dayOption('--to', opts.to) ?? addDays(today, 1);
    if (from >= to) throw new UsageError(`--from ${from} must be before --to ${to} (exclusive end)`);
    checkStoreLocation(globals.db);
    // The AWS SDK loads only for commands that call AWS (it costs a good part of a second of CPU to import).
    const [{ ceConnectionFromEnv, costExplorerClient }, { pullCostExplorer }] = await Promise.all([
      import('../../aws/cost-explorer.js'),
      import('../../ingest/pull-cost-explorer.js'),
    ]);
    const client = costExplorerClient(ceConnectionFromEnv(ctx.io.env, opts.endpoint));
    try {
      // A pull that fails leaves no new, empty database behind.
      const r = await withWritableStore(globals.db, (store) =>
        pullCostExplorer(store, { client, from, to, tagKey: opts.tagKey, refresh: opts.refresh === true, now: ctx.io.now() }),
      );
      ctx.io.stdout(format === 'json' ? JSON.stringify({ from, to, tagKey: opts.tagKey, ...r }, null, 2) + '\n' : renderPull(from, to, r));
    } finally {
      client.destroy();
    }
  });
}

function renderPull(from: string, to: string, r: PullResult): string {
  const lines = [
    `Cost Explorer ${from} → ${to} (exclusive): ${r.requestedDays} day${r.requestedDays === 1 ? '' : 's'}, ${r.fetchedDays.length} fetched in ${r.requests} request${r.requests === 1 ? '' : 's'}, ${r.skippedDays} already stored (no request), ${count(r.rows)} rows stored.`,
  ];
  if (r.estimatedDays.length) lines.push(`Estimated by AWS (refetched next pull): ${r.estimatedDays.join(', ')}`);
  if (r.futureDays) lines.push(`${r.futureDays} future day${r.futureDays === 1 ? '' : 's'} not requested.`);
  return lines.join('\n') + '\n';
}
