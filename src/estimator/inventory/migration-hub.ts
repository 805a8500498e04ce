/**
 * AWS Migration Hub (Application Discovery Service) import CSV → VM records. Columns used:
 * VMware.VMName | HostName | ExternalId (name), CPU.NumberOfLogicalCores (else NumberOfCores ×
 * NumberOfProcessors), CPU.UsagePct.Max (else .Avg, else 100 %), RAM.UsedSizeInMB.Max (else
 * RAM.TotalSizeInMB; MB read as MiB), Applications (first of a ";" list), Tags ("env:prod;tier:web").
 * The template carries no clock: CPU demand is in vCPU-equivalents (1 on-prem core at 100 % = 1 vCPU).
 */
import { InputError } from '../../errors.js';
import { normalizeHeader } from './columns.js';
import { dataRowCount, rowPlace, type Inventory, type RawTable, type SkippedRow, type VmRecord } from './types.js';
import { readNumber } from './values.js';

const MARKERS = ['cpu_numberoflogicalcores', 'ram_totalsizeinmb', 'vmware_vmname', 'externalid'];

export function isMigrationHubHeader(header: readonly string[]): boolean {
  const h = new Set(header.map(normalizeHeader));
  return MARKERS.filter((m) => h.has(m)).length >= 2;
}

/** "env:prod;tier:web" or "env=prod,tier=web" → Map(lower-case key → value). */
export function parseTags(raw: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of raw.split(/[;,]/)) {
    const m = /^\s*([^:=]+?)\s*[:=]\s*(.*?)\s*$/.exec(part);
    if (m && m[1] && m[2] !== undefined) tags.set(m[1].toLowerCase(), m[2]);
  }
  return tags;
}

export function migrationHubInventory(table: RawTable, options: { hostClockGhz?: number } = {}): Inventory {
  const idx = new Map(table.header.map((h, i) => [normalizeHeader(h), i] as const));
  const col = (cells: readonly string[], name: string): string => {
    const i = idx.get(normalizeHeader(name));
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  if (!idx.has(normalizeHeader('RAM.TotalSizeInMB')) && !idx.has(normalizeHeader('RAM.UsedSizeInMB.Max'))) {
    throw new InputError({ file: table.file, row: 1, field: 'RAM.TotalSizeInMB' }, 'Migration Hub CSV without RAM.TotalSizeInMB or RAM.UsedSizeInMB.Max');
  }
  const records: VmRecord[] = [];
  const skipped: SkippedRow[] = [];
  for (const r of table.rows) {
    const vm = col(r.cells, 'VMware.VMName') || col(r.cells, 'HostName') || col(r.cells, 'ExternalId') || col(r.cells, 'IPAddress');
    const fail = (field: string, detail: string): void => {
      skipped.push({ file: table.file, ...rowPlace(r), field, ...(vm ? { vm } : {}), reason: 'invalid', detail });
    };
    if (vm === '') {
      fail('VMware.VMName', 'no VM name: VMware.VMName, HostName, ExternalId and IPAddress are all empty');
      continue;
    }
    const n = (field: string): number | undefined | string => {
      const v = readNumber(col(r.cells, field), field);
      return v.ok ? v.value : v.problem;
    };
    const fields = ['CPU.NumberOfLogicalCores', 'CPU.NumberOfCores', 'CPU.NumberOfProcessors', 'CPU.UsagePct.Max', 'CPU.UsagePct.Avg', 'RAM.UsedSizeInMB.Max', 'RAM.TotalSizeInMB'];
    const values = new Map(fields.map((f) => [f, n(f)] as const));
    const bad = [...values].find(([, v]) => typeof v === 'string');
    if (bad) {
      fail(bad[0], bad[1] as string);
      continue;
    }
    const num = (f: string): number | undefined => values.get(f) as number | undefined;
    const cores = num('CPU.NumberOfLogicalCores') ?? (num('CPU.NumberOfCores') !== undefined ? num('CPU.NumberOfCores')! * (num('CPU.NumberOfProcessors') ?? 1) : undefined);
    if (!cores) {
      fail('CPU.NumberOfLogicalCores', 'CPU count is empty (CPU.NumberOfLogicalCores or CPU.NumberOfCores)');
      continue;
    }
    const pct = num('CPU.UsagePct.Max') ?? num('CPU.UsagePct.Avg');
    if (pct !== undefined && pct > 100) {
      fail('CPU.UsagePct.Max', `CPU usage must be between 0 and 100 %, got ${pct}`);
      continue;
    }
    const mb = num('RAM.UsedSizeInMB.Max') ?? num('RAM.TotalSizeInMB');
    if (!mb) {
      fail('RAM.TotalSizeInMB', 'RAM is empty (RAM.UsedSizeInMB.Max or RAM.TotalSizeInMB)');
      continue;
    }
    const share = (pct ?? 100) / 100;
    const pctText = num('CPU.UsagePct.Max') !== undefined ? 'CPU.UsagePct.Max' : num('CPU.UsagePct.Avg') !== undefined ? 'CPU.UsagePct.Avg' : '100 % assumed';
    const clock = options.hostClockGhz;
    const tags = parseTags(col(r.cells, 'Tags'));
    const app = col(r.cells, 'Applications').split(';')[0]?.trim() ?? '';
    const env = (tags.get('env') ?? tags.get('environment') ?? 'prod').toLowerCase();
    records.push({
      ref: { file: table.file, ...rowPlace(r) },
      vm,
      rowKind: 'vm',
      ...(app ? { app } : {}),
      env,
      vmCount: 1,
      peakCpuGhz: clock ? cores * share * clock : 0,
      peakCpuVcpu: clock ? 0 : cores * share,
      peakMemoryGiB: mb / 1024,
      cpuBasis: clock ? `cores × ${pctText} × host clock ${clock} GHz` : `cores × ${pctText} (no clock: 1 on-prem core = 1 cloud vCPU)`,
    });
  }
  return { records, skipped, sources: [{ file: table.file, format: 'migration-hub', rows: dataRowCount(table) }] };
}
