/**
 * `nuage catalog refresh` and `nuage catalog import`: prices from AWS or from an offer file into the
 * SQLite store, where they override the snapshot. Attached to the `catalog` command group
 * (catalogGroup creates it when this module registers first).
 */
import type { Command } from 'commander';
import { importOfferFile } from '../../aws/import-offer.js';
import type { RefreshOutcome } from '../../aws/refresh.js';
import { SERVICE_GROUP_NAMES, type ServiceGroupName } from '../../catalog/offer/service-groups.js';
import { UsageError } from '../../errors.js';
import { textTable } from '../../report/table.js';
import { refreshLog, writeCatalog, type RefreshLogEntry, type WriteSummary } from '../../store/catalog-repo.js';
import { checkStoreLocation, openStore, withWritableStore } from '../../store/db.js';
import { catalogGroup } from './catalog.js';
import { configFlags, globalOptions, pickFormat, withGlobalOptions, type CliContext, type CommandModule } from '../context.js';
import { userFile } from '../files.js';

const FORMATS = ['text', 'json'] as const;

function parseTypes(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const types = value.split(',').map((t) => t.trim()).filter((t) => t !== '');
  for (const t of types) if (!/^[a-z0-9-]+\.[a-z0-9-]+$/.test(t)) throw new UsageError(`--types: "${t}" is not an instance type name (e.g. m5.large)`);
  if (types.length === 0) throw new UsageError('--types: give at least one instance type');
  return types;
}

/** `--services all|none|ebs,rds,…`; default all, none when --types narrows the refresh to some instance types. */
export function parseServices(value: string | undefined, types: readonly string[] | undefined): ServiceGroupName[] {
  if (value === undefined) return types ? [] : [...SERVICE_GROUP_NAMES];
  const items = value.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== '');
  if (items.length === 1 && items[0] === 'all') return [...SERVICE_GROUP_NAMES];
  if (items.length === 1 && items[0] === 'none') return [];
  if (items.length === 0) throw new UsageError(`--services: give all, none, or some of ${SERVICE_GROUP_NAMES.join(', ')}`);
  for (const t of items) {
    if (!(SERVICE_GROUP_NAMES as readonly string[]).includes(t)) throw new UsageError(`--services: unknown group "${t}"; known: all, none, ${SERVICE_GROUP_NAMES.join(', ')}`);
  }
  return SERVICE_GROUP_NAMES.filter((g) => items.includes(g));
}

function servicesTable(outcome: RefreshOutcome): string {
  return textTable(
    [{ header: 'service group' }, { header: 'service code' }, { header: 'pages', align: 'right' }, { header: 'products', align: 'right' }, { header: 'prices', align: 'right' }, { header: 'prices as of' }],
    outcome.services.groups.map((g) => [g.group.name, g.group.serviceCode, String(g.pages), String(g.products), g.prices.length > 0 ? String(g.prices.length) : '0 (stored prices kept)', g.asOf || '-']),
  );
}

function countsTable(summary: WriteSummary): string {
  return textTable(
    [{ header: 'region' }, { header: 'on-demand', align: 'right' }, { header: 'reserved', align: 'right' }, { header: 'spot', align: 'right' }, { header: 'service prices', align: 'right' }],
    summary.regions.map((r) => [r.region, String(r.onDemand), String(r.reserved), String(r.spot), String(r.servicePrices)]),
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function mergeCounts(list: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of list) for (const [k, n] of Object.entries(m)) out[k] = (out[k] ?? 0) + n;
  return out;
}

function skippedLines(skipped: Readonly<Record<string, number>>): string {
  const entries = Object.entries(skipped).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? '' : `Skipped products:\n${entries.map(([reason, n]) => `  ${String(n).padStart(8)}  ${reason}`).join('\n')}\n`;
}

function registerRefresh(catalog: Command, ctx: CliContext): void {
  const refresh = withGlobalOptions(
    catalog
      .command('refresh')
      .description('refresh one region from AWS: on-demand and reserved (Pricing API), instance facts and 30-day spot averages (EC2 API), service prices (Pricing API)')
      .option('--region <region>', 'AWS region to refresh (default: config file region, $NUAGE_REGION, else eu-west-3)')
      .option('--types <list>', 'only these instance types, comma-separated (e.g. m5.large,m5.xlarge)')
      .option('--services <list>', `service prices to refresh: all, none, or some of ${SERVICE_GROUP_NAMES.join(', ')} (default: all; none with --types)`)
      .option('--no-spot', 'skip DescribeSpotPriceHistory')
      .option('--endpoint-url <url>', 'AWS endpoint override (default: $NUAGE_AWS_ENDPOINT, else AWS)'),
    FORMATS,
  );
  configFlags(refresh, { region: 'region' }).action(async (flags: { types?: string; services?: string; spot: boolean; endpointUrl?: string }, cmd: Command) => {
    const g = await globalOptions(cmd, ctx.io);
    const format = pickFormat(g.format, FORMATS);
    const opts = { ...flags, region: g.config.values.region };
    const types = parseTypes(opts.types);
    const services = parseServices(opts.services, types);
    checkStoreLocation(g.db);
    // The AWS SDK loads only for commands that call AWS (it costs about a second of CPU to import).
    const [{ connectionFromEnv }, { refreshRegion }] = await Promise.all([import('../../aws/connection.js'), import('../../aws/refresh.js')]);
    const conn = connectionFromEnv(ctx.io.env, opts.region, opts.endpointUrl);
    const outcome = await refreshRegion(conn, { region: opts.region, instanceTypes: types, spot: opts.spot, now: ctx.io.now(), services });
    const summary: WriteSummary = await withWritableStore(g.db, (store) => writeCatalog(store, outcome.write));
    const region = summary.regions[0]!;
    if (format === 'json') {
      ctx.io.stdout(
        JSON.stringify(
          {
            region: opts.region,
            db: g.db,
            pricesAsOf: outcome.pricing.asOf,
            refreshedAt: outcome.write.at,
            instanceTypes: summary.instanceTypes,
            onDemand: region.onDemand,
            reserved: region.reserved,
            spot: region.spot,
            servicePrices: region.servicePrices,
            getProductsPages: outcome.pricing.pages,
            skipped: outcome.pricing.skipped,
            ...(types ? { onlyTypes: types } : {}),
            services: outcome.services.groups.map((x) => ({
              group: x.group.name,
              serviceCode: x.group.serviceCode,
              getProductsPages: x.pages,
              products: x.products,
              prices: x.prices.length,
              pricesAsOf: x.asOf,
              stored: x.prices.length > 0,
              skipped: x.skipped,
            })),
          },
          null,
          2,
        ) + '\n',
      );
      return;
    }
    ctx.io.stdout(
      `Refreshed ${opts.region} from ${outcome.write.origin} into ${g.db}\n` +
        `  prices as of ${outcome.pricing.asOf} (Pricing API publication date; ${plural(outcome.pricing.pages, 'GetProducts page')})\n` +
        (opts.spot
          ? `  spot: 30-day time-weighted averages to ${outcome.write.at.slice(0, 10)} for ${plural(outcome.spot.length, 'type')}\n`
          : '  spot: not refreshed (--no-spot)\n') +
        `  instance facts: ${plural(summary.instanceTypes, 'type')} (DescribeInstanceTypes)\n` +
        (types ? `  limited to: ${types.join(', ')}\n` : '') +
        (services.length > 0
          ? `  service prices: ${plural(outcome.write.servicePrices.length, 'price')} from ${plural(outcome.services.pages, 'GetProducts page')} (a group without prices keeps the stored ones)\n` + servicesTable(outcome)
          : '  service prices: not refreshed (--services none)\n') +
        countsTable(summary) +
        skippedLines(outcome.pricing.skipped) +
        (services.length > 0 ? skippedLines(mergeCounts(outcome.services.groups.map((x) => x.skipped))).replace('Skipped products:', 'Skipped service products:') : '') +
        'These prices now override the snapshot for this region (see `nuage catalog info`).\n',
    );
  });
}

function registerImport(catalog: Command, ctx: CliContext): void {
  withGlobalOptions(
    catalog
      .command('import')
      .description('import an AWS bulk price-list offer file (.json or .csv) of AmazonEC2, AmazonRDS, AWSELB, AmazonEKS, AmazonElastiCache, AmazonDynamoDB or AmazonCloudWatch, e.g. https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonRDS/current/eu-west-3/index.csv')
      .argument('<file>', 'offer file, .json or .csv')
      .option('--region <region>', 'import only this region (offer files spanning several regions)'),
    FORMATS,
  ).action(async (file: string, opts: { region?: string }, cmd: Command) => {
    const g = await globalOptions(cmd, ctx.io);
    const format = pickFormat(g.format, FORMATS);
    const offerFile = userFile(ctx.io, file, 'offer file (.json or .csv)').path;
    checkStoreLocation(g.db);
    const { offer, write } = await importOfferFile(offerFile, ctx.io.now(), { region: opts.region, displayName: file });
    const summary: WriteSummary = await withWritableStore(g.db, (store) => writeCatalog(store, write));
    if (format === 'json') {
      ctx.io.stdout(JSON.stringify({ file, format: offer.format, offerCode: offer.offerCode, db: g.db, pricesAsOf: offer.asOf, version: offer.version, products: offer.products, regions: summary.regions, skipped: offer.skipped }, null, 2) + '\n');
      return;
    }
    ctx.io.stdout(
      `Imported ${file} (${offer.offerCode} ${offer.format.toUpperCase()} offer file, version ${offer.version || 'n/a'}) into ${g.db}\n` +
        `  prices as of ${offer.asOf} (publication date); ${plural(offer.products, 'product')} read\n` +
        countsTable(summary) +
        skippedLines(offer.skipped) +
        'These prices now override the snapshot for the regions above (see `nuage catalog info`).\n',
    );
  });
}

function registerLog(catalog: Command, ctx: CliContext): void {
  withGlobalOptions(catalog.command('log').description('what was refreshed or imported into the store, newest first').option('--limit <n>', 'rows to show', '20'), FORMATS).action(
    async (opts: { limit: string }, cmd: Command) => {
      const g = await globalOptions(cmd, ctx.io);
      const format = pickFormat(g.format, FORMATS);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit: expected a positive whole number, got "${opts.limit}"`);
      const store = openStore(g.db, { readonly: true, missing: 'nothing was refreshed or imported there yet' });
      let entries: RefreshLogEntry[];
      try {
        entries = refreshLog(store, limit);
      } finally {
        store.close();
      }
      if (format === 'json') {
        ctx.io.stdout(JSON.stringify(entries, null, 2) + '\n');
        return;
      }
      ctx.io.stdout(
        entries.length === 0
          ? `nothing refreshed or imported into ${g.db} yet\n`
          : textTable(
              [
                { header: 'when' },
                { header: 'kind' },
                { header: 'region' },
                { header: 'prices as of' },
                { header: 'on-demand', align: 'right' },
                { header: 'reserved', align: 'right' },
                { header: 'spot', align: 'right' },
                { header: 'service', align: 'right' },
                { header: 'types', align: 'right' },
                { header: 'from' },
              ],
              entries.map((e) => [e.at.slice(0, 19).replace('T', ' '), e.kind, e.region, e.asOf, String(e.onDemand), String(e.reserved), String(e.spot), String(e.servicePrices), String(e.instanceTypes), e.scope ? `${e.origin} (only ${e.scope})` : e.origin]),
            ),
      );
    },
  );
}

export const registerCatalogLive: CommandModule = (program, ctx) => {
  const catalog = catalogGroup(program);
  registerRefresh(catalog, ctx);
  registerImport(catalog, ctx);
  registerLog(catalog, ctx);
};
