import type { Attrs } from './attrs.js';

export type ChangeAction = 'no-op' | 'create' | 'update' | 'delete' | 'replace';
export type ReplaceOrder = 'delete-before-create' | 'create-before-delete';

/** One managed resource instance of a plan, with its two sides. */
export interface ResourceChange {
  /** Full instance address: `module.app.aws_instance.web[0]`. */
  readonly address: string;
  /** Module part of the address (`module.app`), '' at the root. */
  readonly moduleAddress: string;
  readonly type: string;
  readonly name: string;
  /** count / for_each key, when present. */
  readonly index?: string | number;
  /** Key of a deposed object (a failed create_before_destroy left it running); the same address as the current object. */
  readonly deposed?: string;
  /** Provider source as printed by Terraform: `registry.terraform.io/hashicorp/aws` or `aws`. */
  readonly providerName: string;
  readonly action: ChangeAction;
  readonly replaceOrder?: ReplaceOrder;
  /** Values before the change (null when created). */
  readonly before: Attrs | null;
  /** Values after the change (null when deleted), with unknown markers. */
  readonly after: Attrs | null;
  /** Region read from the plan (resource, AZ, provider configuration); undefined when the plan does not say. */
  readonly region?: string;
  /** Configuration expressions (for references between resources). */
  readonly expressions?: unknown;
}

export interface Plan {
  readonly file: string;
  readonly formatVersion: string;
  readonly terraformVersion: string;
  readonly changes: readonly ResourceChange[];
}

/** Provider short name from a provider source (`registry.terraform.io/hashicorp/aws` → `aws`). */
const shortNames = new Map<string, string>();
export function providerShortName(providerName: string): string {
  let short = shortNames.get(providerName);
  if (short === undefined) {
    const last = providerName.slice(providerName.lastIndexOf('/') + 1);
    short = last.startsWith('terraform-provider-') ? last.slice('terraform-provider-'.length) : last;
    shortNames.set(providerName, short);
  }
  return short;
}

/** The address a report shows: Terraform's, with "(deposed object <key>)" for a deposed object, as Terraform prints it. */
export function shownAddress(c: { readonly address: string; readonly deposed?: string }): string {
  return c.deposed === undefined ? c.address : `${c.address} (deposed object ${c.deposed})`;
}
