/** Every part of the snapshot, in build order. */
import { buildEc2 } from './ec2.js';
import type { SnapshotBuilder } from './part.js';
import { buildServices } from './services.js';

export const BUILDERS: readonly SnapshotBuilder[] = [buildEc2, buildServices];
