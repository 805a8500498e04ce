/**
 * What the FOCUS and CUR mappers share: the mapper contract and the mapped row.
 */
import type { Limbs } from './amount.js';
import type { Cell, Notes } from './field-values.js';
import type { MappedRecord, SpendRecord } from './spend-record.js';

export type SpendFormat = 'focus' | 'cur';

export interface MapperOptions {
  /** Currency for files without a currency column (the FOCUS spec examples); absent → USD, noted. */
  readonly defaultCurrency?: string;
}

export interface MappedRow extends MappedRecord {
  /** Billing (payer) account, or NO_BILLING_ACCOUNT. */
  readonly account: string;
  readonly provider: string;
}

/** Maps one row of cells (in header order) to a record; throws FieldProblem on a bad value. */
export interface RowMapper {
  readonly format: SpendFormat;
  /** Facts about the header worth telling (assumed currency, derived columns…). */
  readonly headerNotes: readonly string[];
  map(cells: readonly Cell[], notes: Notes): MappedRow;
}

/** Builds the limbs tuple of a record from its amounts. */
export function costTuple(
  billed: Limbs,
  effective: Limbs | null,
  list: Limbs | null,
  contracted: Limbs | null,
): MappedRecord['costs'] {
  return [billed, effective, list, contracted];
}

export type MutableRecord = { -readonly [K in keyof SpendRecord]: SpendRecord[K] };
