/**
 * One VM counted once across the whole inventory: a VM row whose name and environment were already read
 * (in another file, or twice in a format whose reader does not check, like the Migration Hub import) is
 * skipped as a duplicate naming where it was first listed. Application rows are not VMs and are kept.
 */
import { rowWhere } from './row-text.js';
import type { Inventory, SkippedRow, VmRecord } from './types.js';

function nameField(format: string | undefined): string {
  if (format === 'rvtools-csv' || format === 'rvtools-xlsx') return 'VM';
  if (format === 'migration-hub') return 'VMware.VMName';
  return 'vm';
}

export function dropDuplicateVms(inv: Inventory): Inventory {
  const formats = new Map(inv.sources.map((s) => [s.file, s.format] as const));
  const first = new Map<string, VmRecord>();
  const records: VmRecord[] = [];
  const skipped: SkippedRow[] = [];
  for (const r of inv.records) {
    if (r.rowKind !== 'vm') {
      records.push(r);
      continue;
    }
    const key = `${r.env}\u0000${r.vm}`;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, r);
      records.push(r);
      continue;
    }
    skipped.push({
      file: r.ref.file,
      row: r.ref.row,
      ...(r.ref.line !== undefined ? { line: r.ref.line } : {}),
      field: nameField(formats.get(r.ref.file)),
      vm: r.vm,
      reason: 'duplicate',
      detail: `VM "${r.vm}" (${r.env}) already listed in ${rowWhere(seen.ref)}; this row is ignored`,
    });
  }
  if (skipped.length === 0) return inv;
  return { ...inv, records, skipped: [...inv.skipped, ...skipped] };
}
