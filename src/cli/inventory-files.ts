/** Edge: reads inventory files (CSV, JSON, RVTools .xlsx/.csv, Migration Hub CSV) into one Inventory. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { decodeUtf8 } from '../estimator/inventory/decode-text.js';
import { inventoryFromTables, tableFromText, type KindedTable, type ParseOptions } from '../estimator/inventory/parse-inventory.js';
import { rvtoolsInventory } from '../estimator/inventory/rvtools.js';
import { readRvtoolsXlsx } from '../estimator/inventory/rvtools-xlsx.js';
import { mergeInventories, type Inventory } from '../estimator/inventory/types.js';

function checkFile(path: string, shown: string): void {
  if (!existsSync(path)) throw new InputError({ file: shown }, 'file not found');
  if (!statSync(path).isFile()) throw new InputError({ file: shown }, 'not a file');
}

/** `paths` are absolute; `shown` are the names as the user typed them (used in messages). */
export async function readInventoryFiles(files: readonly { path: string; shown: string }[], options: ParseOptions = {}): Promise<Inventory> {
  const parts: Inventory[] = [];
  const tables: KindedTable[] = [];
  for (const f of files) {
    checkFile(f.path, f.shown);
    if (/\.xlsx$/i.test(f.path)) {
      const { tables: t } = await readRvtoolsXlsx(createReadStream(f.path), f.shown);
      parts.push(rvtoolsInventory(t, 'rvtools-xlsx', options.rvtoolsCpu ? { cpu: options.rvtoolsCpu } : {}));
    } else if (/\.xls$/i.test(f.path)) {
      throw new InputError({ file: f.shown }, 'legacy .xls workbooks are not supported: save as .xlsx or export CSV');
    } else {
      tables.push(tableFromText({ file: f.shown, text: decodeUtf8(readFileSync(f.path), f.shown) }));
    }
  }
  if (tables.length > 0) parts.push(inventoryFromTables(tables, options));
  return mergeInventories(parts);
}
