/** Edge: reads inventory files (CSV, JSON, RVTools .xlsx/.csv, Migration Hub CSV) into one Inventory. */
import { createReadStream, readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { decodeUtf8 } from '../estimator/inventory/decode-text.js';
import { dropDuplicateVms } from '../estimator/inventory/duplicates.js';
import { inventoryFromTables, tableFromText, type KindedTable, type ParseOptions } from '../estimator/inventory/parse-inventory.js';
import { rvtoolsInventory } from '../estimator/inventory/rvtools.js';
import { mergeInventories, type Inventory } from '../estimator/inventory/types.js';
import { checkFile } from './files.js';

const WHAT = 'inventory file (CSV, JSON, RVTools .xlsx, Migration Hub CSV)';

/** `paths` are absolute; `shown` are the names as the user typed them (used in messages). */
export async function readInventoryFiles(files: readonly { path: string; shown: string }[], options: ParseOptions = {}): Promise<Inventory> {
  const parts: Inventory[] = [];
  const tables: KindedTable[] = [];
  const checked = files.map((f) => checkFile(f.path, f.shown, WHAT));
  for (const f of checked) {
    if (/\.xlsx$/i.test(f.path)) {
      // exceljs costs about half a second of CPU to import: only when a workbook is read.
      const { readRvtoolsXlsx } = await import('../estimator/inventory/rvtools-xlsx.js');
      const { tables: t } = await readRvtoolsXlsx(createReadStream(f.path), f.shown);
      parts.push(rvtoolsInventory(t, 'rvtools-xlsx', options.rvtoolsCpu ? { cpu: options.rvtoolsCpu } : {}));
    } else if (/\.xls$/i.test(f.path)) {
      throw new InputError({ file: f.shown }, 'legacy .xls workbooks are not supported: save as .xlsx or export CSV');
    } else {
      tables.push(tableFromText({ file: f.shown, text: decodeUtf8(readFileSync(f.path), f.shown) }));
    }
  }
  if (tables.length > 0) parts.push(inventoryFromTables(tables, options));
  // An .xlsx export and CSV files may list the same VM: counted once over all of them.
  return dropDuplicateVms(mergeInventories(parts));
}
