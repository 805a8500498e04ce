import { describe, expect, it } from 'vitest';
import { csvTable, markdownTable, textTable } from '../src/report/table.js';

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
