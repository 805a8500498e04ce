/**
 * YAML input files checked against a zod schema (usage files, price overrides…). Pure: the caller reads the
 * text. A syntax error names its line; a schema error names the key path and the line of the offending node, so
 * `usage.yml, line 7, field "resource_usage.aws_nat_gateway.main.monthly_data_processed_gb": …` points the
 * person at the place to fix.
 */
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError } from './errors.js';

/** Parses `text` (from `file`) as YAML and checks it with `schema`; an empty document is `{}`. */
export function parseYamlInput<S extends z.ZodType>(schema: S, text: string, file: string, what: string): z.infer<S> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    throw new InputError({ file, row: line, rowKind: 'line' }, `not valid YAML: ${syntax.message.split('\n')[0]}`);
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p));
  // An unknown key is named itself, at its own line.
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = [...path, ...(unknownKey !== undefined ? [unknownKey] : [])].join('.') || undefined;
  const problem = unknownKey !== undefined ? 'unknown key' : (issue?.message ?? `invalid ${what}`);
  return fail(file, field, yamlLineOf(doc, lines, path, unknownKey), problem);
}

function fail(file: string, field: string | undefined, line: number | undefined, problem: string): never {
  throw new InputError({ file, row: line, rowKind: 'line', field }, problem);
}

/** Line of the value at `path` (or of the key `key` inside it); the nearest enclosing node that exists. */
export function yamlLineOf(doc: Document, lines: LineCounter, path: readonly (string | number)[], key?: string): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (!node || typeof node !== 'object' || !('range' in node)) continue;
    let offset = (node.range as [number, number, number] | null | undefined)?.[0];
    if (key !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === key);
      const k = pair?.key as { range?: [number, number, number] } | undefined;
      if (k?.range) offset = k.range[0];
    }
    if (offset !== undefined) return lines.linePos(offset).line;
  }
  return undefined;
}
