/**
 * Plain renderers shared by every report: aligned text tables, Markdown tables and CSV.
 * Cells are strings already formatted by the caller (money rounded there, not here).
 */

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align?: Align;
}

/**
 * Lines of a fixed-width text table with a header rule (no line breaks). Right-aligned columns suit figures.
 * Large reports join these with the rest of their lines once, instead of copying the table string again.
 */
export function textTableLines(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const n = columns.length;
  const widths = columns.map((c) => c.header.length);
  for (const r of rows) {
    for (let i = 0; i < n; i++) {
      const len = (r[i] ?? '').length;
      if (len > widths[i]!) widths[i] = len;
    }
  }
  const right = columns.map((c) => c.align === 'right');
  const line = (cells: readonly string[]): string => {
    let s = '';
    for (let i = 0; i < n; i++) {
      const cell = cells[i] ?? '';
      if (i > 0) s += '  ';
      s += right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
    }
    return s.trimEnd();
  };
  const out = [line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(line(r));
  return out;
}

/** Fixed-width text table with a header rule. Right-aligned columns suit figures. */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const lines = textTableLines(columns, rows);
  lines.push('');
  return lines.join('\n');
}

/** Lines of a GitHub-flavoured Markdown table; pipes in cells are escaped. */
export function markdownTableLines(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [`| ${columns.map((c) => esc(c.header)).join(' | ')} |`, `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`];
  for (const r of rows) out.push(`| ${columns.map((_, i) => esc(r[i] ?? '')).join(' | ')} |`);
  return out;
}

/** GitHub-flavoured Markdown table; pipes in cells are escaped. */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const lines = markdownTableLines(columns, rows);
  lines.push('');
  return lines.join('\n');
}

/** RFC 4180 CSV: fields quoted when they hold a comma, quote or line break. */
export function csvTable(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const field = (v: string | number | null | undefined): string => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers.map(field).join(','), ...rows.map((r) => r.map(field).join(','))].join('\n') + '\n';
}
