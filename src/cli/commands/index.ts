/** Every CLI command module, registered in order of appearance in `nuage --help`. */
import type { CommandModule } from '../context.js';
import { commentCommands } from './comment.js';
import { planCommands } from './plan.js';

export const COMMANDS: readonly CommandModule[] = [planCommands, commentCommands];
