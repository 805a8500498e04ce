/** `nuage prices <type> --region <r> [--format table|json]`: specs and every known price of one type. */
import { lookupTypeInRegion } from '../../catalog/lookup.js';
import { pricesView, renderPricesTable } from '../../report/prices.js';
import { openCatalog } from '../catalog-source.js';
import { globalOptions, pickFormat, withGlobalOptions, type CommandModule } from '../context.js';

const FORMATS = ['table', 'json'] as const;

export const pricesCommand: CommandModule = (program, ctx) => {
  withGlobalOptions(
    program
      .command('prices')
      .description('specs and every known price (on-demand, reserved, spot) of an EC2 instance type in a region, with basis and date')
      .argument('<instance-type>', 'EC2 instance type, e.g. m5.xlarge')
      .requiredOption('--region <region>', 'AWS region code, e.g. eu-west-3'),
  ).action((instanceType: string, opts: { region: string }, cmd) => {
    const globals = globalOptions(cmd, ctx.io);
    const format = pickFormat(globals.format, FORMATS);
    const view = pricesView(lookupTypeInRegion(openCatalog(globals), instanceType, opts.region.trim()));
    ctx.io.stdout(format === 'json' ? JSON.stringify(view, null, 2) + '\n' : renderPricesTable(view));
  });
};
