/**
 * YAML input files checked against a zod schema (usage files, price overrides…). Pure: the caller reads the
 * text. A syntax error names its line; a schema error names the key path and the line of the offending node, so
 * `usage.yml, line 7, field "resource_usage.aws_nat_gateway.main.monthly_data_processed_gb": …` points the
 * person at the place to fix.
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
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
  const field = path.join('.') || undefined;
  return fail(file, field, lineOf(doc, lines, path), issue?.message ?? `invalid ${what}`);
}

function fail(file: string, field: string | undefined, line: number | undefined, problem: string): never {
  throw new InputError({ file, row: line, rowKind: 'line', field }, problem);
}

/** The line of the deepest node on `path` that exists (the key itself when the value is missing). */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
