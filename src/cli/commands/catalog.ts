/**
 * The `catalog` command group. Other modules attach subcommands (refresh, import) to the same group
 * through catalogGroup(program), whichever registers first creates it.
 */
import type { Command } from 'commander';
import { checkRegion } from '../../catalog/lookup.js';
import { catalogInfoView, renderCatalogInfoTable } from '../../report/catalog-info.js';
import { openCatalog } from '../catalog-source.js';
import { globalOptions, pickFormat, withGlobalOptions, type CommandModule } from '../context.js';

/** The `catalog` command of `program`, created on first use. */
export function catalogGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'catalog') ??
    program.command('catalog').description('the price catalog: dated snapshot, sources, coverage')
  );
}

const FORMATS = ['table', 'json'] as const;

export const catalogCommands: CommandModule = (program, ctx) => {
  withGlobalOptions(
    catalogGroup(program)
      .command('info')
      .description('snapshot date, sources with their dates, and coverage per region')
      .option('--region <region>', 'only this region'),
    FORMATS,
  ).action(async (opts: { region?: string }, cmd) => {
    const globals = await globalOptions(cmd, ctx.io);
    const format = pickFormat(globals.format, FORMATS);
    const catalog = openCatalog(globals);
    if (opts.region !== undefined) checkRegion(catalog, opts.region);
    const view = catalogInfoView(catalog, opts.region !== undefined ? [opts.region] : undefined);
    ctx.io.stdout(format === 'json' ? JSON.stringify(view, null, 2) + '\n' : renderCatalogInfoTable(view));
  });
};
