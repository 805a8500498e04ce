/**
 * RVTools export (xlsx sheets or CSV tabs) → VM records. Columns used:
 * - vInfo: VM, Powerstate, Template, SRM Placeholder, CPUs, Memory (MiB), Host, Cluster, Folder
 * - vHost: Host, Cluster, Speed (MHz): the physical clock for VMs on that host (else the cluster's mean)
 * - vCPU:  VM, Overall (MHz): CPU in use when the export was taken
 * A VM whose CPUs and Memory are both empty (vCenter could not read its configuration) is skipped as
 * "no-config", like a powered-off VM; any other missing or bad value is invalid.
 * CPU demand per VM: vCPU Overall when present and > 0 ("used", the default), else CPUs × host Speed,
 * else CPUs as vCPU-equivalents. `cpu: 'allocated'` ignores Overall. Memory is vInfo Memory (configured).
 */
import { InputError } from '../../errors.js';
import { normalizeHeader } from './columns.js';
import { dataRowCount, rowPlace, type Inventory, type InventoryFormat, type RawTable, type SkippedRow, type VmRecord } from './types.js';
import { isPoweredOff, readBoolean, readNumber } from './values.js';

export interface RvtoolsTables {
  readonly vInfo: RawTable;
  readonly vHost?: RawTable;
  readonly vCPU?: RawTable;
}

export type RvtoolsCpuBasis = 'used' | 'allocated';

export interface RvtoolsOptions {
  readonly cpu?: RvtoolsCpuBasis;
}

/** Column index by RVTools header name (case- and punctuation-insensitive). */
function columnIndex(table: RawTable): (name: string) => number | undefined {
  const map = new Map<string, number>();
  table.header.forEach((h, i) => {
    const k = normalizeHeader(h);
    if (!map.has(k)) map.set(k, i);
  });
  return (name) => map.get(normalizeHeader(name));
}

function requireColumns(table: RawTable, sheet: string, names: readonly string[]): void {
  const idx = columnIndex(table);
  for (const n of names) {
    if (idx(n) === undefined) throw new InputError({ file: table.file, row: 1, field: n }, `RVTools ${sheet}: missing column "${n}"`);
  }
}

function cellGetter(table: RawTable): (cells: readonly string[], name: string) => string {
  const idx = columnIndex(table);
  return (cells, name) => {
    const i = idx(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
}

/** Host name → clock GHz, and cluster → mean clock GHz, from vHost. */
export function hostClocks(vHost: RawTable | undefined): { byHost: Map<string, number>; byCluster: Map<string, number> } {
  const byHost = new Map<string, number>();
  const sums = new Map<string, { total: number; n: number }>();
  if (vHost) {
    requireColumns(vHost, 'vHost', ['Host', 'Speed']);
    const cell = cellGetter(vHost);
    for (const r of vHost.rows) {
      const speed = readNumber(cell(r.cells, 'Speed'), 'Speed');
      const host = cell(r.cells, 'Host');
      if (!speed.ok || !speed.value || host === '') continue;
      const ghz = speed.value / 1000;
      byHost.set(host, ghz);
      const cluster = cell(r.cells, 'Cluster');
      const s = sums.get(cluster) ?? { total: 0, n: 0 };
      sums.set(cluster, { total: s.total + ghz, n: s.n + 1 });
    }
  }
  const byCluster = new Map([...sums].map(([c, s]) => [c, s.total / s.n] as const));
  return { byHost, byCluster };
}

/** VM name → vCPU Overall MHz (only values > 0). */
function cpuUsage(vCPU: RawTable | undefined): Map<string, number> {
  const used = new Map<string, number>();
  if (!vCPU) return used;
  const cell = cellGetter(vCPU);
  if (columnIndex(vCPU)('Overall') === undefined) return used;
  for (const r of vCPU.rows) {
    const mhz = readNumber(cell(r.cells, 'Overall'), 'Overall');
    const vm = cell(r.cells, 'VM');
    if (mhz.ok && mhz.value && vm !== '') used.set(vm, mhz.value);
  }
  return used;
}

export function rvtoolsInventory(tables: RvtoolsTables, format: InventoryFormat, options: RvtoolsOptions = {}): Inventory {
  const { vInfo } = tables;
  requireColumns(vInfo, 'vInfo', ['VM', 'Powerstate', 'CPUs', 'Memory']);
  const cell = cellGetter(vInfo);
  const clocks = hostClocks(tables.vHost);
  const used = options.cpu === 'allocated' ? new Map<string, number>() : cpuUsage(tables.vCPU);
  const records: VmRecord[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Set<string>();
  for (const r of vInfo.rows) {
    const vm = cell(r.cells, 'VM');
    const skip = (reason: SkippedRow['reason'], detail: string, field?: string): void => {
      skipped.push({ file: vInfo.file, ...rowPlace(r), ...(field ? { field } : {}), ...(vm ? { vm } : {}), reason, detail });
    };
    if (vm === '') {
      skip('invalid', 'VM name is empty', 'VM');
      continue;
    }
    const power = cell(r.cells, 'Powerstate');
    if (isPoweredOff(power)) {
      skip('powered-off', `Powerstate "${power}"`, 'Powerstate');
      continue;
    }
    const template = readBoolean(cell(r.cells, 'Template'), 'Template');
    if (template.ok && template.value) {
      skip('template', 'VM template (never runs)', 'Template');
      continue;
    }
    const srm = readBoolean(cell(r.cells, 'SRM Placeholder'), 'SRM Placeholder');
    if (srm.ok && srm.value) {
      skip('template', 'SRM placeholder (a replica, not a running VM)', 'SRM Placeholder');
      continue;
    }
    if (seen.has(vm)) {
      skip('duplicate', `VM "${vm}" already listed above`, 'VM');
      continue;
    }
    if (cell(r.cells, 'CPUs') === '' && cell(r.cells, 'Memory') === '') {
      // vCenter lists the VM but could not read its configuration (RVTools leaves every config column
      // empty): nothing to size from. Reported like a powered-off VM, not an error in the file.
      skip('no-config', 'no configuration in the export: CPUs and Memory are both empty (vCenter could not read this VM)', 'CPUs');
      continue;
    }
    const cpus = readNumber(cell(r.cells, 'CPUs'), 'CPUs');
    if (!cpus.ok || cpus.value === undefined || cpus.value === 0) {
      skip('invalid', cpus.ok ? 'CPUs is empty' : cpus.problem, 'CPUs');
      continue;
    }
    const mib = readNumber(cell(r.cells, 'Memory'), 'Memory');
    if (!mib.ok || mib.value === undefined || mib.value === 0) {
      skip('invalid', mib.ok ? 'Memory is empty' : mib.problem, 'Memory');
      continue;
    }
    seen.add(vm);
    const host = cell(r.cells, 'Host');
    const cluster = cell(r.cells, 'Cluster');
    const folder = cell(r.cells, 'Folder');
    const clock = clocks.byHost.get(host) ?? clocks.byCluster.get(cluster);
    const clockWhere = clocks.byHost.has(host) ? `host ${host}` : `cluster ${cluster} mean`;
    const overall = used.get(vm);
    let peakCpuGhz = 0;
    let peakCpuVcpu = 0;
    let cpuBasis: string;
    if (overall !== undefined) {
      peakCpuGhz = overall / 1000;
      cpuBasis = 'vCPU Overall MHz (in use at export time)';
    } else if (clock !== undefined) {
      peakCpuGhz = cpus.value * clock;
      cpuBasis = `CPUs × ${clock} GHz (${clockWhere} Speed, fully used)`;
    } else {
      peakCpuVcpu = cpus.value;
      cpuBasis = 'CPUs (no host clock known: 1 on-prem vCPU = 1 cloud vCPU)';
    }
    records.push({
      ref: { file: vInfo.file, ...rowPlace(r) },
      vm,
      rowKind: 'vm',
      env: 'prod',
      vmCount: 1,
      peakCpuGhz,
      peakCpuVcpu,
      peakMemoryGiB: mib.value / 1024,
      ...(folder ? { folder } : {}),
      ...(cluster ? { cluster } : {}),
      cpuBasis,
    });
  }
  return { records, skipped, sources: [{ file: vInfo.file, format, rows: dataRowCount(vInfo) }] };
}

/**
 * Which RVTools tab a CSV header belongs to, or undefined when it is not an RVTools tab. Recognised by
 * columns the generic inventory does not have ("Memory", "Host", "Speed", "Overall"), not by every column
 * the tab needs: a tab missing one is then refused as that tab, naming the column.
 */
export function rvtoolsTabOf(header: readonly string[]): 'vInfo' | 'vHost' | 'vCPU' | undefined {
  const h = new Set(header.map(normalizeHeader));
  if (h.has('vm') && h.has('powerstate') && (h.has('memory') || h.has('host'))) return 'vInfo';
  if (h.has('host') && h.has('speed')) return 'vHost';
  if (h.has('vm') && h.has('overall')) return 'vCPU';
  return undefined;
}
