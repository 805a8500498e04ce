/** Every CLI command module, registered in order of appearance in `nuage --help`. */
import type { CommandModule } from '../context.js';
import { budgetsCommand } from './budgets.js';
import { catalogCommands } from './catalog.js';
import { registerCatalogLive } from './catalog-live.js';
import { commentCommands } from './comment.js';
import { defaultEstimateDeps, estimateCommand } from './estimate.js';
import { planCommands } from './plan.js';
import { pricesCommand } from './prices.js';
import { spendCommands } from './spend.js';

export const COMMANDS: readonly CommandModule[] = [
  estimateCommand(defaultEstimateDeps),
  budgetsCommand,
  pricesCommand,
  catalogCommands,
  registerCatalogLive,
  planCommands,
  commentCommands,
  spendCommands,
];
