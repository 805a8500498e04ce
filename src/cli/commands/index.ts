/** Every CLI command module, registered in order of appearance in `nuage --help`. */
import type { CommandModule } from '../context.js';
import { registerCatalogLive } from './catalog-live.js';

export const COMMANDS: readonly CommandModule[] = [registerCatalogLive];
