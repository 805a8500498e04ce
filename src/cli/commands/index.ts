/** Every CLI command module, registered in order of appearance in `nuage --help`. */
import type { CommandModule } from '../context.js';
import { catalogCommands } from './catalog.js';
import { pricesCommand } from './prices.js';

export const COMMANDS: readonly CommandModule[] = [pricesCommand, catalogCommands];
