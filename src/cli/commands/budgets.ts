/** `nuage budgets list` and `nuage budgets show <name>`: estimates saved with `nuage estimate --save`. */
import type { Command } from 'commander';
import { NotFoundError } from '../../errors.js';
import { dec, formatAmount } from '../../money/index.js';
import { textTable } from '../../report/table.js';
import { getSavedBudget, listBudgets } from '../../store/budgets-repo.js';
import { openStore, openStoreIfExists } from '../../store/db.js';
import { globalOptions, pickFormat, withGlobalOptions, type CliContext, type CommandModule } from '../context.js';

const FORMATS = ['table', 'json'] as const;

export const budgetsCommand: CommandModule = (program: Command, ctx: CliContext) => {
  const budgetsCmd = program.command('budgets').description('Budgets saved with `nuage estimate --save <name>`');
  withGlobalOptions(budgetsCmd.command('list').description('List saved budgets'), FORMATS).action(async (_opts: unknown, cmd: Command) => {
    const globals = await globalOptions(cmd, ctx.io);
    const format = pickFormat(globals.format, FORMATS);
    const store = openStoreIfExists(globals.db);
    try {
      const list = store ? listBudgets(store) : [];
      if (format === 'json') {
        ctx.io.stdout(JSON.stringify(list.map((b) => ({ ...b, totalMonthlyCost: Number(b.totalMonthlyCost) })), null, 2) + '\n');
        return;
      }
      if (list.length === 0) {
        ctx.io.stdout(`No saved budgets in ${globals.db}. Save one with: nuage estimate <inventory> --save <name>\n`);
        return;
      }
      ctx.io.stdout(
        textTable(
          [{ header: 'Name' }, { header: 'Saved' }, { header: 'Region' }, { header: 'Prices as of' }, { header: 'Strategy' }, { header: 'Apps', align: 'right' }, { header: 'Monthly', align: 'right' }],
          list.map((b) => [b.name, b.savedAt.slice(0, 16).replace('T', ' '), b.region, b.pricesAsOf, b.strategy, String(b.apps), `${formatAmount(b.totalMonthlyCost)} ${b.currency}`]),
        ),
      );
    } finally {
      store?.close();
    }
  });
  withGlobalOptions(budgetsCmd.command('show').description('Show one saved budget').argument('<name>', 'budget name'), FORMATS).action(async (name: string, _opts: unknown, cmd: Command) => {
    const globals = await globalOptions(cmd, ctx.io);
    const format = pickFormat(globals.format, FORMATS);
    const store = openStore(globals.db, { readonly: true });
    try {
      const b = getSavedBudget(store, name);
      if (!b) {
        const known = listBudgets(store).map((x) => x.name);
        throw new NotFoundError(`no saved budget named "${name}"${known.length ? `; saved: ${known.join(', ')}` : ' (none saved yet)'}`);
      }
      if (format === 'json') {
        ctx.io.stdout(JSON.stringify(b, null, 2) + '\n');
        return;
      }
      const lines = [
        `Budget "${b.name}" saved ${b.savedAt} from ${b.inputs.files.join(', ')}`,
        `Region ${b.region} · prices as of ${b.pricesAsOf} · ${b.hoursPerMonth} h/month · ${b.currency} (1 USD = ${b.usdToEur} EUR, ${b.fxSource}, ${b.fxAsOf})`,
        ...priceDatesLine(b.result),
        `Headroom ${b.headroomPct} % · strategy ${b.strategy}`,
        '',
        textTable(
          [{ header: 'App' }, { header: 'VMs', align: 'right' }, { header: 'Instance' }, { header: 'Count', align: 'right' }, { header: `Monthly (${b.currency})`, align: 'right' }],
          b.appsDetail.map((a) => [a.app, String(a.vmCount), a.instanceType ?? 'not sized', String(Number(a.instanceCount.toFixed(2))), formatAmount(a.monthlyCost)]),
        ),
        ...servicesTable(b.result, b.currency),
        textTable(
          [{ header: 'Environment' }, { header: 'Ratio', align: 'right' }, { header: `Monthly (${b.currency})`, align: 'right' }],
          [...b.environments.map((e) => [e.name, dec(e.ratio).toFixed(2), formatAmount(e.monthlyCost)]), ['Total', '', formatAmount(b.totalMonthlyCost)]],
        ),
      ];
      ctx.io.stdout(lines.join('\n'));
    } finally {
      store.close();
    }
  });
};

interface SavedLine {
  app?: string;
  kind?: string;
  name?: string;
  spec?: string;
  internetEgressGb?: number;
  interAzGb?: number;
  monthlyCost?: number;
  complete?: boolean;
}

/** Managed services and traffic of a saved estimate (from its JSON result); none → no table. */
function servicesTable(result: Record<string, unknown>, currency: string): string[] {
  const services = (Array.isArray(result.services) ? result.services : []) as SavedLine[];
  const traffic = (Array.isArray(result.traffic) ? result.traffic : []) as SavedLine[];
  if (services.length === 0 && traffic.length === 0) return [];
  const cost = (l: SavedLine): string => `${formatAmount(l.monthlyCost ?? 0)}${l.complete === false ? '*' : ''}`;
  const rows = [
    ...services.map((l) => [l.app ?? '', `${l.kind ?? ''}${l.name ? ` ${l.name}` : ''}`, l.spec ?? '', cost(l)]),
    ...traffic.map((l) => [l.app ?? '', 'traffic', `${l.internetEgressGb ?? 0} GB to the internet, ${l.interAzGb ?? 0} GB across AZs`, cost(l)]),
  ];
  return [textTable([{ header: 'App' }, { header: 'Service' }, { header: 'Spec / traffic' }, { header: `Prod monthly (${currency})`, align: 'right' }], rows)];
}

/** The dates of the prices the saved estimate used (budgets saved before they were recorded have none). */
function priceDatesLine(result: Record<string, unknown>): string[] {
  const summary = (result.priceDates as { summary?: unknown } | undefined)?.summary;
  return typeof summary === 'string' ? [`Price dates (of the prices used): ${summary}`] : [];
}
