/** Every part of the snapshot, in build order. */
import type { SnapshotBuilder } from './part.js';
import { buildServices } from './services.js';

export const BUILDERS: readonly SnapshotBuilder[] = [buildServices];
