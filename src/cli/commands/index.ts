/** Every CLI command module, registered in order of appearance in `nuage --help`. */
import type { CommandModule } from '../context.js';

export const COMMANDS: readonly CommandModule[] = [];
