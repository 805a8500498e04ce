/**
 * A price override file (`--prices overrides.yml`): prices that win over the catalog, so tests and what-if
 * runs can inject figures. USD, decimal strings (numbers are accepted and kept as written).
 *
 *   asOf: "2021-04-01"            # optional: date of these prices (absent: reports call them "undated")
 *   ec2:
 *     - instanceType: t2.micro
 *       usdPerHour: "0.12"
 *       region: us-east-1         # optional: every region when omitted
 *       purchase: on-demand       # optional: on-demand (default) | spot
 *       tenancy: shared           # optional: shared (default) | dedicated
 *   services:
 *     - key: ebs:gp2:storage      # see src/catalog/service-keys.ts
 *       usd: "0.45"
 *       unit: GB-month            # optional
 *       region: us-east-1         # optional
 */
import { z } from 'zod';
import { isDecimalString } from '../money/index.js';
import { isRegionCode } from '../catalog/region-code.js';
import { parseYamlInput } from '../yaml-input.js';

const decimal = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = String(v).trim();
  if (!isDecimalString(s)) {
    ctx.addIssue({ code: 'custom', message: `not a decimal number: "${s}"` });
    return z.NEVER;
  }
  if (s.startsWith('-') && /[1-9]/.test(s)) {
    ctx.addIssue({ code: 'custom', message: `a price cannot be negative: "${s}"` });
    return z.NEVER;
  }
  return s;
});

/** An AWS region code (as `--region` accepts): an override for a misspelt region would silently never apply. */
const region = z.string().refine((v) => isRegionCode(v), { error: (issue) => `expected an AWS region code such as eu-west-3, got "${String(issue.input)}"` });

const ec2Override = z.strictObject({
  instanceType: z.string().min(1),
  usdPerHour: decimal,
  region: region.optional(),
  purchase: z.enum(['on-demand', 'spot']).optional(),
  tenancy: z.enum(['shared', 'dedicated']).optional(),
});

const serviceOverride = z.strictObject({
  key: z.string().min(1),
  usd: decimal,
  unit: z.string().optional(),
  region: region.optional(),
});

const overridesSchema = z.strictObject({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  ec2: z.array(ec2Override).optional(),
  services: z.array(serviceOverride).optional(),
});

/** `file`: the path errors name; `shownAs`: how reports name it (the path as the user gave it). */
export type PriceOverrides = z.infer<typeof overridesSchema> & { readonly file: string; readonly shownAs: string };

export function parsePriceOverrides(text: string, file: string, shownAs: string = file): PriceOverrides {
  return { ...parseYamlInput(overridesSchema, text, file, 'price override file'), file, shownAs };
}
