/**
 * The generic inventory (CSV or JSON, one row per VM or per application) → VM records and skipped rows.
 * Row-level problems skip the row and are reported; header problems are fatal (see columns.ts).
 */
import { resolveColumns, type InventoryField } from './columns.js';
import { parseServiceSpec } from '../services/spec.js';
import { dataRowCount, rowPlace, type Inventory, type InventoryFormat, type RawRow, type RawTable, type ServiceRecord, type SkippedRow, type Traffic, type VmRecord } from './types.js';
import { isPoweredOff, readBoolean, readCount, readNumber } from './values.js';

export interface GenericParseOptions {
  /** Physical host clock (GHz) for rows giving vcpus × peak_cpu_pct without a host clock column. */
  readonly hostClockGhz?: number;
}

class RowProblem extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(problem);
  }
}

export function genericInventory(table: RawTable, format: InventoryFormat, options: GenericParseOptions = {}): Inventory {
  const cols = resolveColumns(table.header, table.file);
  const records: VmRecord[] = [];
  const services: ServiceRecord[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Set<string>();
  for (const raw of table.rows) {
    const get = (f: InventoryField): string | undefined => {
      const i = cols.get(f);
      return i === undefined ? undefined : (raw.cells[i] ?? '').trim();
    };
    const header = (f: InventoryField): string => table.header[cols.get(f) ?? -1] ?? f;
    const vmName = get('vm') ?? '';
    const skip = (reason: SkippedRow['reason'], detail: string, field?: string): void => {
      skipped.push({ file: table.file, ...rowPlace(raw), ...(field ? { field } : {}), ...(vmName ? { vm: vmName } : {}), reason, detail });
    };
    try {
      const kind = (get('kind') ?? '').toLowerCase() || (vmName !== '' ? 'vm' : 'app');
      if (kind === 'service') {
        services.push(toService(raw, get, header, table.file));
        continue;
      }
      if (kind !== 'vm' && kind !== 'app') throw new RowProblem(header('kind'), `kind must be vm, app or service, got "${kind}"`);
      if (get('spec')) throw new RowProblem(header('spec'), `a spec is given on a row of kind ${kind}; set kind to service for a managed service`);
      if (isPoweredOff(get('powerstate'))) {
        skip('powered-off', `power state "${get('powerstate')}"`, header('powerstate'));
        continue;
      }
      const template = readBoolean(get('template'), 'template');
      if (!template.ok) throw new RowProblem(header('template'), template.problem);
      if (template.value) {
        skip('template', 'VM template (never runs)', header('template'));
        continue;
      }
      const record = toRecord(raw, kind, get, header, table.file, options);
      const key = `${record.env}\u0000${record.vm}`;
      if (kind === 'vm' && seen.has(key)) {
        skip('duplicate', `VM "${record.vm}" (${record.env}) already listed above; this row is ignored`, header('vm'));
        continue;
      }
      seen.add(key);
      records.push(record);
    } catch (err) {
      if (!(err instanceof RowProblem)) throw err;
      const short = raw.cells.length < table.header.length ? ` (this row has ${raw.cells.length} fields, the header ${table.header.length})` : '';
      skip('invalid', err.problem + short, err.field);
    }
  }
  return { records, ...(services.length ? { services } : {}), skipped, sources: [{ file: table.file, format, rows: dataRowCount(table) }] };
}

type Getter = (f: InventoryField) => string | undefined;

/** Traffic columns of a row; undefined when both are blank. */
function trafficOf(get: Getter, header: (f: InventoryField) => string): Traffic | undefined {
  const read = (f: InventoryField): number | undefined => {
    const r = readNumber(get(f), f);
    if (!r.ok) throw new RowProblem(header(f), r.problem);
    return r.value;
  };
  const internet = read('egress_internet_gb');
  const interAz = read('inter_az_gb');
  if (internet === undefined && interAz === undefined) return undefined;
  return { internetEgressGb: internet ?? 0, interAzGb: interAz ?? 0 };
}

function toService(raw: RawRow, get: Getter, header: (f: InventoryField) => string, file: string): ServiceRecord {
  const text = get('spec') ?? '';
  if (text === '') throw new RowProblem(header('spec'), 'a service row needs its spec in the spec column, e.g. "rds db.m5.large multi-az 200 GB"');
  const parsed = parseServiceSpec(text);
  if (!parsed.ok) throw new RowProblem(header('spec'), parsed.problem);
  const app = get('app') ?? '';
  const name = get('vm') ?? '';
  const traffic = trafficOf(get, header);
  return {
    ref: { file, ...rowPlace(raw) },
    app: app || name || parsed.spec.kind,
    ...(name ? { name } : {}),
    env: (get('env') ?? '').toLowerCase() || 'prod',
    specText: text,
    spec: parsed.spec,
    ...(traffic ? { traffic } : {}),
  };
}

function toRecord(
  raw: RawRow,
  kind: 'vm' | 'app',
  get: (f: InventoryField) => string | undefined,
  header: (f: InventoryField) => string,
  file: string,
  options: GenericParseOptions,
): VmRecord {
  const num = (f: InventoryField): number | undefined => {
    const r = readNumber(get(f), f);
    if (!r.ok) throw new RowProblem(header(f), r.problem);
    return r.value;
  };
  const app = get('app') ?? '';
  const vmName = get('vm') ?? '';
  if (kind === 'vm' && vmName === '') throw new RowProblem(header('vm'), 'VM name is empty (kind vm)');
  if (kind === 'app' && app === '') throw new RowProblem(header('app'), 'application name is empty');
  const count = readCount(get('vm_count'), 'vm_count');
  if (!count.ok) throw new RowProblem(header('vm_count'), count.problem);
  if (kind === 'vm' && count.value !== undefined && count.value !== 1) {
    throw new RowProblem(header('vm_count'), `a VM row stands for one VM; got vm_count ${count.value} (leave vm empty for an application row)`);
  }
  const vmCount = count.value ?? 1;

  let peakCpuGhz = 0;
  let peakCpuVcpu = 0;
  let cpuBasis: string;
  const ghz = num('peak_cpu_ghz') ?? mhzToGhz(num('peak_cpu_mhz'));
  if (ghz !== undefined) {
    peakCpuGhz = ghz;
    cpuBasis = get('peak_cpu_ghz') ? 'peak_cpu_ghz' : 'peak_cpu_mhz';
  } else {
    const vcpus = num('vcpus');
    if (vcpus === undefined) throw new RowProblem(header(get('peak_cpu_ghz') !== undefined ? 'peak_cpu_ghz' : 'vcpus'), 'peak CPU is empty: give peak_cpu_ghz, or vcpus (with peak_cpu_pct)');
    const pct = num('peak_cpu_pct');
    if (pct !== undefined && pct > 100) throw new RowProblem(header('peak_cpu_pct'), `peak_cpu_pct must be between 0 and 100, got ${pct}`);
    const share = (pct ?? 100) / 100;
    const clock = num('host_clock_ghz') ?? mhzToGhz(num('host_clock_mhz')) ?? options.hostClockGhz;
    const pctText = pct === undefined ? '100 % assumed' : 'peak_cpu_pct';
    if (clock !== undefined && clock > 0) {
      peakCpuGhz = vcpus * share * clock;
      cpuBasis = `vcpus × ${pctText} × host clock ${clock} GHz`;
    } else {
      peakCpuVcpu = vcpus * share;
      cpuBasis = `vcpus × ${pctText} (no host clock: 1 on-prem vCPU = 1 cloud vCPU)`;
    }
  }
  const memory = num('peak_ram_gb') ?? mibToGib(num('peak_ram_mb'));
  if (memory === undefined) throw new RowProblem(header(get('peak_ram_gb') !== undefined ? 'peak_ram_gb' : 'peak_ram_mb'), 'peak RAM is empty');
  const folder = get('folder');
  const cluster = get('cluster');
  const traffic = trafficOf(get, header);
  return {
    ref: { file, ...rowPlace(raw) },
    rowKind: kind,
    vm: kind === 'vm' ? vmName : `${app} (${vmCount} VM${vmCount === 1 ? '' : 's'})`,
    ...(app !== '' ? { app } : {}),
    env: (get('env') ?? '').toLowerCase() || 'prod',
    vmCount,
    peakCpuGhz,
    peakCpuVcpu,
    peakMemoryGiB: memory,
    ...(folder ? { folder } : {}),
    ...(cluster ? { cluster } : {}),
    cpuBasis,
    ...(traffic ? { traffic } : {}),
  };
}

export function mhzToGhz(mhz: number | undefined): number | undefined {
  return mhz === undefined ? undefined : mhz / 1000;
}

export function mibToGib(mib: number | undefined): number | undefined {
  return mib === undefined ? undefined : mib / 1024;
}
