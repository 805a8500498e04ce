/** Interns PriceBasis values into the snapshot's shared basis table (catalog.json `bases`). */
import type { PriceBasis } from '../../../src/catalog/types.js';

export class BasisTable {
  private readonly ids = new Map<string, number>();
  readonly list: PriceBasis[] = [];

  id(basis: PriceBasis): number {
    const key = JSON.stringify([basis.kind, basis.source, basis.asOf, basis.method ?? null]);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(basis.method === undefined ? { kind: basis.kind, source: basis.source, asOf: basis.asOf } : { ...basis });
      this.ids.set(key, id);
    }
    return id;
  }
}
