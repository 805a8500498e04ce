/**
 * The one place CLI commands get their price catalog from. For now the dated snapshot in data/;
 * the SQLite-refreshed catalog (--db) will be layered on top of it here.
 */
import { loadSnapshotCatalog } from '../catalog/snapshot.js';
import type { Catalog } from '../catalog/types.js';
import type { GlobalOptions } from './context.js';

export function openCatalog(globals: GlobalOptions): Catalog {
  void globals; // --db: read by the refreshed-catalog layer once it exists
  return loadSnapshotCatalog();
}
