/**
 * Grouping VM records into applications: by the app column, by a VM-name pattern (first capture group),
 * by folder or by cluster. "auto" uses the app column when a record has one, else the default name
 * pattern, which strips a trailing number: "api-01" → "api", "web_3" → "web".
 */
import { UsageError } from '../errors.js';
import type { VmRecord } from './inventory/types.js';

export type GroupBy =
  | { readonly kind: 'auto' }
  | { readonly kind: 'column' }
  | { readonly kind: 'pattern'; readonly pattern: string }
  | { readonly kind: 'folder' }
  | { readonly kind: 'cluster' };

export const DEFAULT_NAME_PATTERN = '^(.*?)[-_.]?\\d+$';

/** "app" | "auto" | "folder" | "cluster" | "pattern:<regex>" → GroupBy. */
export function parseGroupBy(spec: string): GroupBy {
  const s = spec.trim();
  if (s === 'auto') return { kind: 'auto' };
  if (s === 'app' || s === 'column') return { kind: 'column' };
  if (s === 'folder') return { kind: 'folder' };
  if (s === 'cluster') return { kind: 'cluster' };
  if (s.startsWith('pattern:')) {
    const pattern = s.slice('pattern:'.length);
    compilePattern(pattern);
    return { kind: 'pattern', pattern };
  }
  throw new UsageError(`--group-by: expected app, folder, cluster, auto or pattern:<regex>, got "${spec}"`);
}

export function describeGroupBy(g: GroupBy): string {
  return g.kind === 'pattern' ? `VM name pattern /${g.pattern}/` : g.kind === 'auto' ? `app column, else VM name pattern /${DEFAULT_NAME_PATTERN}/` : g.kind;
}

function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (err) {
    throw new UsageError(`--group-by pattern: invalid regular expression /${pattern}/: ${(err as Error).message}`);
  }
}

/** App name by VM-name pattern: first capture group if any, else the whole match; no match → the VM name. */
export function appFromName(vm: string, re: RegExp): string {
  const m = re.exec(vm);
  if (!m) return vm;
  const g = m[1] ?? m[0];
  return g === '' ? vm : g;
}

/**
 * The application of each record. Records whose group key is empty (e.g. no folder) fall back to the
 * default name pattern, so every record lands in exactly one application.
 */
export function appOf(groupBy: GroupBy): (r: VmRecord) => string {
  const fallback = compilePattern(DEFAULT_NAME_PATTERN);
  const byName = (r: VmRecord): string => appFromName(r.vm, fallback);
  switch (groupBy.kind) {
    case 'auto':
    case 'column':
      return (r) => r.app ?? byName(r);
    case 'folder':
      return (r) => r.folder || r.app || byName(r);
    case 'cluster':
      return (r) => r.cluster || r.app || byName(r);
    case 'pattern': {
      const re = compilePattern(groupBy.pattern);
      return (r) => (r.rowKind === 'app' && r.app ? r.app : appFromName(r.vm, re));
    }
  }
}
