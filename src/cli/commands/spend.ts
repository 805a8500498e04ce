/**
 * The `spend` command group: import billing files, pull Cost Explorer, report, budget vs actual.
 */
import type { Command } from 'commander';
import type { CommandModule } from '../context.js';
import { spendBudgetCommand } from '../spend/budget-command.js';
import { spendImportCommand } from '../spend/import-command.js';
import { spendPullCommand } from '../spend/pull-command.js';
import { spendReportCommand } from '../spend/report-command.js';

export function spendGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'spend') ??
    program.command('spend').description('real spend: import CUR/FOCUS files, pull Cost Explorer, report, budget vs actual vs forecast')
  );
}

export const spendCommands: CommandModule = (program, ctx) => {
  const group = spendGroup(program);
  spendImportCommand(group, ctx);
  spendPullCommand(group, ctx);
  spendReportCommand(group, ctx);
  spendBudgetCommand(group, ctx);
};
