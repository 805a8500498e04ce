/** `nuage prices <type> [--region <r>] [--format table|json]`: specs and every known price of one type. */
import { lookupTypeInRegion } from '../../catalog/lookup.js';
import { pricesView, renderPricesTable } from '../../report/prices.js';
import { openCatalog } from '../catalog-source.js';
import { configFlags, globalOptions, pickFormat, withGlobalOptions, type CommandModule } from '../context.js';

const FORMATS = ['table', 'json'] as const;

export const pricesCommand: CommandModule = (program, ctx) => {
  const prices = withGlobalOptions(
    program
      .command('prices')
      .description('specs and every known price (on-demand, reserved, spot) of an EC2 instance type in a region, with basis and date')
      .argument('<instance-type>', 'EC2 instance type, e.g. m5.xlarge')
      .option('--region <region>', 'AWS region code (default: config file region, $NUAGE_REGION, else eu-west-3)'),
    FORMATS,
  );
  configFlags(prices, { region: 'region' }).action(async (instanceType: string, _opts: unknown, cmd) => {
    const globals = await globalOptions(cmd, ctx.io);
    const format = pickFormat(globals.format, FORMATS);
    const view = pricesView(lookupTypeInRegion(openCatalog(globals), instanceType, globals.config.values.region));
    ctx.io.stdout(format === 'json' ? JSON.stringify(view, null, 2) + '\n' : renderPricesTable(view));
  });
};
