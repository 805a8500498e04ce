/**
 * Plain renderers shared by every report: aligned text tables, Markdown tables and CSV.
 * Cells are strings already formatted by the caller (money rounded there, not here).
 */

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align?: Align;
}

const spaceRuns: string[] = [];
const spaces = (k: number): string => (spaceRuns[k] ??= ' '.repeat(k));

/** Lines of a fixed-width text table with a header rule (no line breaks). Right-aligned columns suit figures. */
export function textTableLines(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  writeTextTable(columns, rows, (line) => void out.push(line));
  return out;
}

/**
 * `textTableLines`, each line handed to `emit` as it is made (large reports are written as they render).
 * With `emitParts`, a line is handed over as its pieces instead (`parts[0..count)`, reused for the next line):
 * a writer that joins many lines at once then never builds each line's string.
 */
export function writeTextTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  emit: (line: string) => void,
  emitParts?: (parts: readonly string[], count: number) => void,
): void {
  const n = columns.length;
  const widths = columns.map((c) => c.header.length);
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j]!;
    for (let i = 0; i < n; i++) {
      const len = (r[i] ?? '').length;
      if (len > widths[i]!) widths[i] = len;
    }
  }
  const right = columns.map((c) => c.align === 'right');
  // Cells padded to their column width, separated by two spaces, trailing whitespace trimmed: built from the
  // last cell with visible text (all after it is whitespace), padding and separators as one run of spaces.
  const parts: string[] = [];
  const fill = (cells: readonly string[]): number => {
    let last = n - 1;
    let tail = '';
    for (; last >= 0; last--) {
      const cell = cells[last] ?? '';
      if (cell === '') continue;
      tail = cell.trimEnd();
      if (tail !== '') break;
    }
    let k = 0;
    let gap = 0;
    for (let i = 0; i <= last; i++) {
      const cell = cells[i] ?? '';
      const pad = widths[i]! - cell.length;
      if (i > 0) gap += 2;
      if (right[i]) gap += pad;
      if (gap > 0) parts[k++] = spaces(gap);
      parts[k++] = i === last ? tail : cell;
      gap = right[i] ? 0 : pad;
    }
    return k;
  };
  const line = (cells: readonly string[]): void => {
    const k = fill(cells);
    if (emitParts) emitParts(parts, k);
    else {
      parts.length = k;
      emit(parts.join(''));
    }
  };
  line(columns.map((c) => c.header));
  emit(widths.map((w) => '-'.repeat(w)).join('  '));
  for (let j = 0; j < rows.length; j++) line(rows[j]!);
}

/** Fixed-width text table with a header rule. Right-aligned columns suit figures. */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const lines = textTableLines(columns, rows);
  lines.push('');
  return lines.join('\n');
}

/** Lines of a GitHub-flavoured Markdown table; pipes in cells are escaped. */
export function markdownTableLines(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  writeMarkdownTable(columns, rows, (line) => void out.push(line));
  return out;
}

/** `markdownTableLines`, each line handed to `emit` as it is made. */
export function writeMarkdownTable(columns: readonly Column[], rows: readonly (readonly string[])[], emit: (line: string) => void): void {
  const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  emit(`| ${columns.map((c) => esc(c.header)).join(' | ')} |`);
  emit(`| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`);
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j]!;
    emit(`| ${columns.map((_, i) => esc(r[i] ?? '')).join(' | ')} |`);
  }
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
