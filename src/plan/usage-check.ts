/**
 * Usage-file entries the plan never reads: a resource address that matches nothing (a typo, a renamed or
 * moved resource), a type nuage does not price, a key no component of what the entry matches reads.
 * Without this check such an entry is silently ignored and its component stays "usage-based".
 * Warnings, not errors: one usage file may serve several stacks, so a type absent from this plan is fine.
 */
import type { CostedChange } from './cost-plan.js';
import { resourceModel } from './resources/index.js';
import type { UsageFile } from './usage.js';

/** The usage keys the components of a costed resource read, on either side. */
function keysRead(c: CostedChange, into: Set<string>): void {
  for (const side of [c.before, c.after]) {
    if (side) for (const comp of side.components) if (comp.usageKey !== undefined) into.add(comp.usageKey);
  }
}

const list = (keys: ReadonlySet<string>): string => (keys.size > 0 ? [...keys].sort().join(', ') : 'none');

/** One message per unused entry, naming the file, the section and the entry (key). */
export function unusedUsage(usage: UsageFile, costed: readonly CostedChange[]): string[] {
  const out: string[] = [];
  const byAddress = new Map<string, Set<string>>();
  const byType = new Map<string, Set<string>>();
  for (const c of costed) {
    const a = byAddress.get(c.change.address) ?? new Set<string>();
    keysRead(c, a);
    byAddress.set(c.change.address, a);
    const t = byType.get(c.change.type) ?? new Set<string>();
    keysRead(c, t);
    byType.set(c.change.type, t);
  }
  for (const [type, values] of Object.entries(usage.byType)) {
    const entry = `${usage.file}: resource_type_default_usage "${type}"`;
    if (!resourceModel(type)) {
      out.push(`${entry}: not a resource type nuage prices (a typo?)`);
      continue;
    }
    const read = byType.get(type);
    if (!read) continue; // no such resource in this plan
    for (const key of Object.keys(values)) if (!read.has(key)) out.push(`${entry}.${key}: no ${type} component of the plan reads it (they read: ${list(read)})`);
  }
  for (const [address, values] of Object.entries(usage.byAddress)) {
    // As usageValue matches: the exact address; `a[*]` and `a` also match every instance `a[…]`.
    const base = address.endsWith('[*]') ? address.slice(0, -3) : address;
    const read = new Set<string>();
    let matched = false;
    for (const [a, keys] of byAddress) {
      if (a === address || (a.endsWith(']') && a.replace(/\[[^\]]*\]$/, '') === base)) {
        matched = true;
        for (const k of keys) read.add(k);
      }
    }
    const entry = `${usage.file}: resource_usage "${address}"`;
    if (!matched) {
      out.push(`${entry}: matches no resource of the plan`);
      continue;
    }
    for (const key of Object.keys(values)) if (!read.has(key)) out.push(`${entry}.${key}: no component of ${address} reads it (it reads ${list(read)})`);
  }
  return out;
}
