/**
 * The usage file (`nuage-usage.yml`): monthly quantities of usage-based components, per resource address and
 * per resource type (defaults). Without a value the component is listed as "usage-based", with no number.
 *
 *   version: 1
 *   resource_type_default_usage:
 *     aws_nat_gateway:
 *       monthly_data_processed_gb: 100
 *   resource_usage:
 *     aws_nat_gateway.main:
 *       monthly_data_processed_gb: 2500
 */
import { z } from 'zod';
import { parseYamlInput } from '../yaml-input.js';

const usageValues = z.record(z.string(), z.number().nonnegative());
const usageSchema = z.strictObject({
  version: z.literal(1).optional(),
  resource_type_default_usage: z.record(z.string(), usageValues).optional(),
  resource_usage: z.record(z.string(), usageValues).optional(),
});

export interface UsageFile {
  readonly file: string;
  readonly byType: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly byAddress: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export const EMPTY_USAGE: UsageFile = { file: '', byType: {}, byAddress: {} };

export function parseUsageFile(text: string, file: string): UsageFile {
  const data = parseYamlInput(usageSchema, text, file, 'usage file');
  return { file, byType: data.resource_type_default_usage ?? {}, byAddress: data.resource_usage ?? {} };
}

/** The usage value of `key` for a resource: its address first (with or without the instance index), then its type. */
export function usageValue(usage: UsageFile, address: string, type: string, key: string): number | undefined {
  if (usage === EMPTY_USAGE) return undefined;
  const exact = usage.byAddress[address]?.[key];
  if (exact !== undefined) return exact;
  const noIndex = address.replace(/\[[^\]]*\]$/, '');
  const group = noIndex !== address ? usage.byAddress[`${noIndex}[*]`]?.[key] ?? usage.byAddress[noIndex]?.[key] : undefined;
  if (group !== undefined) return group;
  return usage.byType[type]?.[key];
}
