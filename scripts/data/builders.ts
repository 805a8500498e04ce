/** Every part of the snapshot, in build order. */
import type { SnapshotBuilder } from './part.js';

export const BUILDERS: readonly SnapshotBuilder[] = [];
