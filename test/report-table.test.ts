import { describe, expect, it } from 'vitest';
import { csvTable, markdownTable, textTable, textTableLines, type Column } from '../src/report/table.js';

describe('table renderers', () => {
  const cols = [{ header: 'app' }, { header: 'monthly', align: 'right' as const }];
  const rows = [['api', '322.56'], ['web|front', '1,234.00']];
  it('aligns text columns', () => {
    expect(textTable(cols, rows)).toBe('app         monthly\n---------  --------\napi          322.56\nweb|front  1,234.00\n');
  });
  it('escapes pipes in markdown', () => {
    expect(markdownTable(cols, rows)).toBe('| app | monthly |\n| --- | ---: |\n| api | 322.56 |\n| web\\|front | 1,234.00 |\n');
  });
  it('quotes CSV fields when needed', () => {
    expect(csvTable(['a', 'b'], [['x,y', 'say "hi"'], [null, 3]])).toBe('a,b\n"x,y","say ""hi"""\n,3\n');
  });
});

describe('text table lines', () => {
  // The straightforward definition: every cell padded, joined by two spaces, trailing whitespace trimmed.
  const reference = (columns: readonly Column[], rows: readonly (readonly string[])[]): string => {
    const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: readonly string[]): string =>
      columns.map((c, i) => (c.align === 'right' ? (cells[i] ?? '').padStart(widths[i]!) : (cells[i] ?? '').padEnd(widths[i]!))).join('  ').trimEnd();
    return [line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
  };
  it('pads, aligns and trims like padding every cell then trimming the line', () => {
    const columns: Column[] = [{ header: 'name' }, { header: 'q', align: 'right' }, { header: 'note' }, { header: 'amount', align: 'right' }];
    const pool = ['', ' ', 'a', 'abc ', '  x', '€1,234.56', 'long cell with words', '\t', 'y\u00a0', '\u2003'];
    const rows: string[][] = [];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 300; i++) rows.push(Array.from({ length: 1 + (next() % 4) }, () => pool[next() % pool.length]!));
    expect(textTable(columns, rows)).toBe(reference(columns, rows));
    expect(textTableLines(columns, [['', ' ', '', '']])).toEqual(['name  q  note  amount', '----  -  ----  ------', '']);
  });
});
