/**
 * Picks the row mapper for a file from its header (or the --source the user forced).
 */
import { curMapper, isCurHeader } from './cur-mapper.js';
import { FieldProblem } from './field-values.js';
import { focusMapper, isFocusHeader } from './focus-mapper.js';
import type { MapperOptions, RowMapper, SpendFormat } from './row-mapper.js';

export type SourceChoice = SpendFormat | 'auto';
export const SOURCE_CHOICES: readonly SourceChoice[] = ['auto', 'focus', 'cur'];

export function detectFormat(header: readonly string[]): SpendFormat | undefined {
  if (isFocusHeader(header)) return 'focus';
  if (isCurHeader(header)) return 'cur';
  return undefined;
}

/** The mapper for this header; throws FieldProblem (field "header") when the format is unknown. */
export function mapperFor(header: readonly string[], source: SourceChoice, options: MapperOptions): RowMapper {
  const format = source === 'auto' ? detectFormat(header) : source;
  if (format === undefined) {
    throw new FieldProblem(
      'header',
      'neither FOCUS (BilledCost, ChargePeriodStart) nor CUR (lineItem/UnblendedCost or line_item_unblended_cost) columns found',
    );
  }
  return format === 'focus' ? focusMapper(header, options) : curMapper(header, options);
}
