/** A digest of every catalog table, to assert that a failed refresh/import left the store unchanged. */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

const TABLES = ['catalog_instance_types', 'catalog_on_demand_prices', 'catalog_reserved_prices', 'catalog_spot_prices', 'catalog_spot_advisor', 'catalog_service_prices', 'catalog_sources', 'catalog_refresh_log'];

export function storeDigest(path: string): { digest: string; rows: Record<string, number> } {
  const db = new Database(path, { readonly: true });
  try {
    const hash = createHash('sha256');
    const rows: Record<string, number> = {};
    for (const t of TABLES) {
      const all = db.prepare(`select * from ${t} order by 1, 2, 3`).all();
      rows[t] = all.length;
      hash.update(t).update(JSON.stringify(all));
    }
    return { digest: hash.digest('hex'), rows };
  } finally {
    db.close();
  }
}
