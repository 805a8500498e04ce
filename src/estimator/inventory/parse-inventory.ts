/**
 * Entry points from decoded text or parsed tables to one Inventory. Format detection:
 * JSON by extension or leading "[" / "{"; otherwise CSV, whose header says which kind it is:
 * an RVTools tab (vInfo / vHost / vCPU), a Migration Hub import, or the generic inventory.
 */
import { InputError } from '../../errors.js';
import { csvTable } from './csv-table.js';
import { dropDuplicateVms } from './duplicates.js';
import { genericInventory } from './generic-rows.js';
import { jsonTable } from './json-inventory.js';
import { isMigrationHubHeader, migrationHubInventory } from './migration-hub.js';
import { rvtoolsInventory, rvtoolsTabOf, type RvtoolsCpuBasis } from './rvtools.js';
import { mergeInventories, rejectedSkips, type Inventory, type RawTable } from './types.js';

export interface ParseOptions {
  /** Host clock (GHz) for rows giving vCPU count × utilisation without a clock. */
  readonly hostClockGhz?: number;
  /** RVTools CPU demand: "used" (vCPU Overall when present, default) or "allocated" (CPUs × host Speed). */
  readonly rvtoolsCpu?: RvtoolsCpuBasis;
}

export interface TextInput {
  readonly file: string;
  readonly text: string;
}

export type TableKind = 'generic-csv' | 'generic-json' | 'migration-hub' | 'vInfo' | 'vHost' | 'vCPU';

export interface KindedTable {
  readonly kind: TableKind;
  readonly table: RawTable;
}

export function tableFromText(input: TextInput): KindedTable {
  const looksJson = /\.json$/i.test(input.file) || /^\s*[[{]/.test(input.text);
  if (looksJson) return { kind: 'generic-json', table: jsonTable(input.text, input.file) };
  const table = csvTable(input.text, input.file);
  const tab = rvtoolsTabOf(table.header);
  if (tab) return { kind: tab, table };
  if (isMigrationHubHeader(table.header)) return { kind: 'migration-hub', table };
  return { kind: 'generic-csv', table };
}

/** Combines tables into one inventory; RVTools vHost/vCPU tabs attach to the vInfo tab given with them. */
export function inventoryFromTables(tables: readonly KindedTable[], options: ParseOptions = {}): Inventory {
  const parts: Inventory[] = [];
  const byKind = (k: TableKind): RawTable[] => tables.filter((t) => t.kind === k).map((t) => t.table);
  const vInfos = byKind('vInfo');
  const vHosts = byKind('vHost');
  const vCPUs = byKind('vCPU');
  if (vInfos.length > 1) throw new InputError({ file: vInfos[1]!.file }, 'more than one RVTools vInfo tab given; estimate one export at a time');
  const orphan = vInfos.length === 0 ? [...vHosts, ...vCPUs][0] : undefined;
  if (orphan) throw new InputError({ file: orphan.file }, 'RVTools vHost/vCPU tab given without its vInfo tab (vInfo lists the VMs)');
  const gParse = { ...(options.hostClockGhz !== undefined ? { hostClockGhz: options.hostClockGhz } : {}) };
  for (const { kind, table } of tables) {
    if (kind === 'generic-csv') parts.push(genericInventory(table, 'csv', gParse));
    else if (kind === 'generic-json') parts.push(genericInventory(table, 'json', gParse));
    else if (kind === 'migration-hub') parts.push(migrationHubInventory(table, gParse));
    else if (kind === 'vInfo') {
      parts.push(
        rvtoolsInventory(
          { vInfo: table, ...(vHosts[0] ? { vHost: vHosts[0] } : {}), ...(vCPUs[0] ? { vCPU: vCPUs[0] } : {}) },
          'rvtools-csv',
          options.rvtoolsCpu ? { cpu: options.rvtoolsCpu } : {},
        ),
      );
    }
  }
  // Rows of the wrong shape (more cells than the header) are invalid in every format.
  const rejected = tables.flatMap(({ table }) => rejectedSkips(table));
  if (rejected.length === 0) return dropDuplicateVms(mergeInventories(parts));
  const merged = dropDuplicateVms(mergeInventories([...parts, { records: [], skipped: rejected, sources: [] }]));
  // Skipped rows in file order, then row order (rejected rows were found by the CSV reader, apart).
  const fileOrder = new Map(tables.map(({ table }, i) => [table.file, i] as const));
  const order = (f: string): number => fileOrder.get(f) ?? tables.length;
  const skipped = [...merged.skipped].sort((a, b) => order(a.file) - order(b.file) || (a.row ?? 0) - (b.row ?? 0));
  return { ...merged, skipped };
}

/** Text inputs (already decoded) → one inventory. */
export function parseInventoryTexts(inputs: readonly TextInput[], options: ParseOptions = {}): Inventory {
  return inventoryFromTables(inputs.map(tableFromText), options);
}
