import { budgetsCommand } from '../../src/cli/commands/budgets.js';
import { estimateCommand } from '../../src/cli/commands/estimate.js';
import { runCli, type CliResult } from '../support/cli.js';
import { PROJECT_ROOT } from '../support/corpora.js';
import { fixtureCatalog } from './fixture-catalog.js';

/** Runs `nuage …` in-process with the fixture catalog in place of the data/ snapshot. */
export function nuage(argv: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return runCli(argv, {
    cwd: PROJECT_ROOT,
    env,
    commands: [estimateCommand({ openCatalog: () => fixtureCatalog() }), budgetsCommand],
  });
}
