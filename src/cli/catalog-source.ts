/**
 * The one place CLI commands get their price catalog from: the dated snapshot in data/, with the
 * prices refreshed or imported into the SQLite store (--db) layered on top (they override the
 * snapshot per region and type / region and key, each keeping its own date and basis).
 */
import { layerOver } from '../catalog/layered.js';
import { loadSnapshotCatalog } from '../store/snapshot-files.js';
import type { Catalog } from '../catalog/types.js';
import { readStoredCatalog } from '../store/stored-catalog.js';
import type { GlobalOptions } from './context.js';

export function openCatalog(globals: GlobalOptions): Catalog {
  const snapshot = loadSnapshotCatalog();
  const stored = readStoredCatalog(globals.db);
  return stored ? layerOver(snapshot, stored) : snapshot;
}
