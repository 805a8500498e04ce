/**
 * The inventory vocabulary: what every input format (CSV, JSON, RVTools, Migration Hub) is parsed into.
 * Demand figures are measurements (GHz, GiB), kept as plain numbers; money never appears here.
 */
import type { ServiceSpec } from '../services/spec.js';

export type InventoryFormat = 'csv' | 'json' | 'rvtools-xlsx' | 'rvtools-csv' | 'migration-hub';

/** Where a value came from: file and spreadsheet row (the header is row 1). */
export interface RowRef {
  readonly file: string;
  readonly row: number;
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

export type SkipReason = 'powered-off' | 'template' | 'invalid' | 'duplicate' | 'non-prod';

export const SKIP_REASON_TITLES: Readonly<Record<SkipReason, string>> = {
  'powered-off': 'powered off',
  template: 'template',
  invalid: 'rejected (invalid value)',
  duplicate: 'duplicate VM name',
  'non-prod': 'non-prod row (environments are derived from prod by ratio)',
};

/** A row that was not estimated, and why. */
export interface SkippedRow {
  readonly file: string;
  readonly row?: number;
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
}

export interface RawRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export function mergeInventories(parts: readonly Inventory[]): Inventory {
  return {
    records: parts.flatMap((p) => p.records),
    services: parts.flatMap((p) => p.services ?? []),
    skipped: parts.flatMap((p) => p.skipped),
    sources: parts.flatMap((p) => p.sources),
  };
}
