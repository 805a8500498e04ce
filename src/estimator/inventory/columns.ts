/**
 * The generic inventory header: canonical fields, their accepted aliases (case-insensitive; spaces,
 * dots and dashes count as underscores) and the columns accepted but ignored. An unknown column is
 * fatal: a misspelt "peak_ram_gb" must not silently become "no memory".
 */
import { InputError } from '../../errors.js';

export const INVENTORY_FIELDS = [
  'app',
  'vm',
  'env',
  'kind',
  'vm_count',
  'peak_cpu_ghz',
  'peak_cpu_mhz',
  'vcpus',
  'peak_cpu_pct',
  'peak_ram_gb',
  'peak_ram_mb',
  'host_clock_ghz',
  'host_clock_mhz',
  'folder',
  'cluster',
  'powerstate',
  'template',
  'spec',
  'egress_internet_gb',
  'inter_az_gb',
] as const;
export type InventoryField = (typeof INVENTORY_FIELDS)[number];

const ALIASES: Readonly<Record<InventoryField, readonly string[]>> = {
  app: ['application', 'app_name', 'application_name', 'service'],
  vm: ['vm_name', 'name', 'hostname', 'host_name', 'server', 'server_name', 'machine'],
  env: ['environment', 'stage', 'tier_env'],
  kind: ['type', 'row_kind'],
  vm_count: ['vms', 'count', 'instances', 'vm_number', 'nb_vm', 'nb_vms'],
  peak_cpu_ghz: ['cpu_ghz', 'peak_ghz', 'ghz', 'cpu_peak_ghz', 'peak_cpu'],
  peak_cpu_mhz: ['cpu_mhz', 'peak_mhz', 'cpu_peak_mhz'],
  vcpus: ['vcpu', 'cpus', 'cpu_count', 'cores', 'num_cpus', 'vcpu_count'],
  peak_cpu_pct: ['cpu_pct', 'peak_cpu_percent', 'cpu_percent', 'peak_cpu_util', 'cpu_util_pct', 'peak_cpu_utilization'],
  peak_ram_gb: ['ram_gb', 'peak_ram_gib', 'ram_gib', 'peak_memory_gb', 'memory_gb', 'mem_gb', 'peak_mem_gb', 'memory_gib'],
  peak_ram_mb: ['ram_mb', 'peak_ram_mib', 'ram_mib', 'peak_memory_mb', 'memory_mb', 'mem_mb', 'memory_mib'],
  host_clock_ghz: ['clock_ghz', 'cpu_clock_ghz', 'host_ghz'],
  host_clock_mhz: ['clock_mhz', 'cpu_clock_mhz', 'host_mhz'],
  folder: ['vm_folder'],
  cluster: ['vm_cluster'],
  powerstate: ['power_state', 'power'],
  template: ['is_template'],
  spec: ['service_spec', 'managed_service'],
  egress_internet_gb: ['internet_egress_gb', 'egress_gb', 'internet_out_gb', 'data_out_gb', 'egress_internet_gb_month'],
  inter_az_gb: ['cross_az_gb', 'inter_az_transfer_gb', 'inter_az_gb_month'],
};

/** Columns accepted and ignored (free text people keep next to their figures). */
export const IGNORED_COLUMNS: readonly string[] = ['notes', 'note', 'comment', 'comments', 'description', 'owner', 'team', 'os', 'tags', 'ip', 'ip_address'];

export function normalizeHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, '_')
    .replace(/%/g, 'pct')
    .replace(/^_+|_+$/g, '');
}

const LOOKUP: ReadonlyMap<string, InventoryField> = new Map(
  INVENTORY_FIELDS.flatMap((f) => [[f, f] as const, ...ALIASES[f].map((a) => [a, f] as const)]),
);

/** Resolves each header cell to a field (or null when ignored); unknown or duplicated columns are fatal. */
export function resolveColumns(header: readonly string[], file: string): Map<InventoryField, number> {
  const found = new Map<InventoryField, number>();
  header.forEach((raw, i) => {
    const key = normalizeHeader(raw);
    if (key === '' || IGNORED_COLUMNS.includes(key)) return;
    const field = LOOKUP.get(key);
    if (!field) {
      throw new InputError(
        { file, row: 1, field: raw },
        `unknown column; known columns: ${INVENTORY_FIELDS.join(', ')} (aliases accepted, see docs/estimator.md); ignored: ${IGNORED_COLUMNS.join(', ')}`,
      );
    }
    if (found.has(field)) throw new InputError({ file, row: 1, field: raw }, `column duplicates "${header[found.get(field)!]}" (both mean ${field})`);
    found.set(field, i);
  });
  const has = (f: InventoryField): boolean => found.has(f);
  // A file of managed services alone (a spec column) needs no CPU or memory column.
  const servicesOnly = has('spec') && !has('peak_cpu_ghz') && !has('peak_cpu_mhz') && !has('vcpus') && !has('peak_ram_gb') && !has('peak_ram_mb');
  if (servicesOnly) {
    if (!has('app') && !has('vm')) throw new InputError({ file, row: 1 }, 'no app or vm column: expected at least one of them');
    return found;
  }
  if (!has('peak_cpu_ghz') && !has('peak_cpu_mhz') && !has('vcpus')) {
    throw new InputError({ file, row: 1 }, 'no CPU column: expected peak_cpu_ghz (or peak_cpu_mhz), or vcpus with peak_cpu_pct');
  }
  if (!has('peak_ram_gb') && !has('peak_ram_mb')) {
    throw new InputError({ file, row: 1 }, 'no memory column: expected peak_ram_gb (GiB) or peak_ram_mb (MiB)');
  }
  if (!has('app') && !has('vm')) throw new InputError({ file, row: 1 }, 'no app or vm column: expected at least one of them');
  return found;
}
