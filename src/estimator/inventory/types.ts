/**
 * The inventory vocabulary: what every input format (CSV, JSON, RVTools, Migration Hub) is parsed into.
 * Demand figures are measurements (GHz, GiB), kept as plain numbers; money never appears here.
 */
import type { ServiceSpec } from '../services/spec.js';

export type InventoryFormat = 'csv' | 'json' | 'rvtools-xlsx' | 'rvtools-csv' | 'migration-hub';

/**
 * Where a value came from: file and row. Rows are numbered as a spreadsheet shows them: the header is
 * row 1, the first data row is row 2, an empty line is a row, and a CSV record whose quoted cells span
 * several text lines is one row (its first text line is kept as `line` when it differs from `row`).
 * JSON rows are numbered by their position in the array, from 1.
 */
export interface RowRef {
  readonly file: string;
  readonly row: number;
  /** CSV: the text line where the record starts, when it differs from `row` (multi-line records above it). */
  readonly line?: number;
}

/**
 * One VM (or one application row standing for `vmCount` VMs) at its peak.
 * CPU demand has two parts, both summed into the need: GHz (converted to vCPU with the target type's
 * sustained clock) and vCPU-equivalents (used when no clock is known: 1 on-prem vCPU at 100 % = 1 cloud vCPU).
 */
export interface VmRecord {
  readonly ref: RowRef;
  /** VM name; for application rows "<app> (n VMs)". */
  readonly vm: string;
  /** "vm": one VM; "app": an application row standing for vmCount VMs. */
  readonly rowKind: 'vm' | 'app';
  /** Application from an app column, when the input has one. */
  readonly app?: string;
  /** Lower-case environment name; "prod" when the input does not say. */
  readonly env: string;
  /** VMs this record stands for (1 for a VM row). */
  readonly vmCount: number;
  readonly peakCpuGhz: number;
  readonly peakCpuVcpu: number;
  /** Peak memory in GiB. Inventory "GB" is read as GiB (binary, as hypervisors report it). */
  readonly peakMemoryGiB: number;
  readonly folder?: string;
  readonly cluster?: string;
  /** How the CPU figure was obtained, e.g. "peak_cpu_ghz", "vcpus × peak_cpu_pct × host clock". */
  readonly cpuBasis: string;
  /** Traffic of this VM (or application row), GB per month: to the internet, and across availability zones. */
  readonly traffic?: Traffic;
}

/** Monthly traffic figures of an inventory row, GB. */
export interface Traffic {
  readonly internetEgressGb: number;
  readonly interAzGb: number;
}

/** A row of kind `service`: a managed service (RDS, DynamoDB, SQS, S3, ALB, NAT, ElastiCache…) of an application. */
export interface ServiceRecord {
  readonly ref: RowRef;
  /** The application it belongs to: the app column, else the vm column, else the service kind. */
  readonly app: string;
  /** Its own name (the vm column), when given. */
  readonly name?: string;
  readonly env: string;
  /** The spec as written in the inventory. */
  readonly specText: string;
  readonly spec: ServiceSpec;
  readonly traffic?: Traffic;
}

export type SkipReason = 'powered-off' | 'template' | 'no-config' | 'invalid' | 'duplicate' | 'non-prod';

export const SKIP_REASON_TITLES: Readonly<Record<SkipReason, string>> = {
  'powered-off': 'powered off',
  template: 'template',
  'no-config': 'no configuration in the export',
  invalid: 'rejected (invalid value)',
  duplicate: 'duplicate VM name',
  'non-prod': 'non-prod row (environments are derived from prod by ratio)',
};

/** A row that was not estimated, and why. */
export interface SkippedRow {
  readonly file: string;
  readonly row?: number;
  /** CSV: the text line where the record starts, when it differs from `row`. */
  readonly line?: number;
  readonly field?: string;
  readonly vm?: string;
  readonly reason: SkipReason;
  readonly detail: string;
}

export interface InventorySource {
  readonly file: string;
  readonly format: InventoryFormat;
  /** Data rows read (excluding header and trailing empty rows). */
  readonly rows: number;
}

/** The parsed inventory: records to estimate, rows skipped (with reasons) and what was read. */
export interface Inventory {
  readonly records: readonly VmRecord[];
  /** Rows of kind `service` (absent: none). */
  readonly services?: readonly ServiceRecord[];
  readonly skipped: readonly SkippedRow[];
  readonly sources: readonly InventorySource[];
}

/** A parsed table: header cells and data rows with their spreadsheet row numbers. */
export interface RawTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly RawRow[];
  /** Rows whose shape is wrong (more cells than the header): never mapped, always reported as invalid. */
  readonly rejected?: readonly RejectedRow[];
}

export interface RawRow {
  readonly row: number;
  /** CSV: the text line where the record starts, when it differs from `row`. */
  readonly line?: number;
  readonly cells: readonly string[];
}

export interface RejectedRow {
  readonly row: number;
  readonly line?: number;
  readonly problem: string;
}

/** Data rows of a table, rejected ones included (for InventorySource.rows). */
export function dataRowCount(t: RawTable): number {
  return t.rows.length + (t.rejected?.length ?? 0);
}

/** A table's rejected rows as invalid skipped rows. */
export function rejectedSkips(t: RawTable): SkippedRow[] {
  return (t.rejected ?? []).map((r) => ({ file: t.file, ...rowPlace(r), reason: 'invalid' as const, detail: r.problem }));
}

/** The `row` and (when it differs) `line` of a raw row, for a RowRef or a SkippedRow. */
export function rowPlace(r: { readonly row: number; readonly line?: number }): { row: number; line?: number } {
  return r.line !== undefined && r.line !== r.row ? { row: r.row, line: r.line } : { row: r.row };
}

export function mergeInventories(parts: readonly Inventory[]): Inventory {
  return {
    records: parts.flatMap((p) => p.records),
    services: parts.flatMap((p) => p.services ?? []),
    skipped: parts.flatMap((p) => p.skipped),
    sources: parts.flatMap((p) => p.sources),
  };
}
