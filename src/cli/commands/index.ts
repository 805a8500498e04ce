/** Every CLI command module, registered in order of appearance in `nuage --help`. */
import type { CommandModule } from '../context.js';
import { spendCommands } from './spend.js';

export const COMMANDS: readonly CommandModule[] = [spendCommands];
