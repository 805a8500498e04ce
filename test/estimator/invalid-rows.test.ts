/**
 * Invalid rows are fatal by default (nothing estimated, nothing saved), listed all together with file,
 * spreadsheet row, field and problem; --skip-invalid estimates the rest and says so in every format.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { estimate } from '../../src/estimator/estimate.js';
import { InvalidRowsError } from '../../src/estimator/invalid-rows.js';
import { csvTable } from '../../src/estimator/inventory/csv-table.js';
import { parseInventoryTexts } from '../../src/estimator/inventory/parse-inventory.js';
import { nuage } from './cli-harness.js';
import { fixtureCatalog } from './fixture-catalog.js';
import { csv, options } from './helpers.js';

const HEADER = 'app,vm,env,peak_cpu_ghz,peak_ram_gb';
/** The reviewer's badrow7.csv: row 7 (a spreadsheet's numbering) has peak_cpu_ghz = abc. */
const BADROW7 = [HEADER, 'api,api-01,prod,2,8', 'api,api-02,prod,2,8', 'web,web-01,prod,1,4', 'web,web-02,prod,1,4', 'web,web-03,prod,1,4', 'db,db-01,prod,abc,16', 'db,db-02,prod,2,16'].join('\n') + '\n';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nuage-invalid-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('CSV rows: shape and numbering (spreadsheet rows, header = row 1)', () => {
  it('a row with more cells than the header (a decimal comma) is rejected with the counts; extra EMPTY cells are harmless', () => {
    const t = csvTable(`${HEADER}\napi,api-01,prod,2,5,8\napi,api-02,prod,2,8,\n`, 'inv.csv');
    expect(t.rejected).toEqual([
      { row: 2, problem: 'expected 5 fields (as the header), found 6 (a decimal comma such as 2,5 splits a number in two: write 2.5, or quote the value)' },
    ]);
    expect(t.rows).toEqual([{ row: 3, cells: ['api', 'api-02', 'prod', '2', '8'] }]);
  });

  it('a rejected row is an invalid row of the inventory, in row order, and counts as a data row read', () => {
    const inv = csv(`${HEADER}\napi,api-01,prod,2,5,8\napi,api-02,prod,x,8\napi,api-03,prod,2,8\n`);
    expect(inv.skipped.map((s) => [s.row, s.reason, s.field])).toEqual([
      [2, 'invalid', undefined],
      [3, 'invalid', 'peak_cpu_ghz'],
    ]);
    expect(inv.records.map((r) => r.vm)).toEqual(['api-03']);
    expect(inv.sources).toEqual([{ file: 'inventory.csv', format: 'csv', rows: 3 }]);
  });

  it('fewer cells than the header: missing trailing cells are empty; a needed value missing says the row was short', () => {
    const inv = csv('app,vm,peak_cpu_ghz,peak_ram_gb,notes\napi,api-01,2,8\napi,api-02,2\n');
    expect(inv.records.map((r) => [r.vm, r.peakMemoryGiB])).toEqual([['api-01', 8]]);
    expect(inv.skipped).toEqual([
      { file: 'inventory.csv', row: 3, field: 'peak_ram_gb', vm: 'api-02', reason: 'invalid', detail: 'peak RAM is empty (this row has 3 fields, the header 5)' },
    ]);
  });

  it('a record whose quoted cell spans lines is ONE row; rows after it keep the spreadsheet number and give their text line', () => {
    const text = `app,vm,peak_cpu_ghz,peak_ram_gb,notes\napi,api-01,2,8,"two\nlines"\n\napi,api-02,x,8,\n`;
    const inv = csv(text);
    expect(inv.records[0]!.ref).toEqual({ file: 'inventory.csv', row: 2 });
    // header = row 1, api-01 = row 2 (text lines 2-3), the empty line = row 3 (line 4), api-02 = row 4 (line 5)
    expect(inv.skipped).toEqual([
      { file: 'inventory.csv', row: 4, line: 5, field: 'peak_cpu_ghz', vm: 'api-02', reason: 'invalid', detail: 'peak_cpu_ghz must be a number, got "x"' },
    ]);
  });

  it('a multi-line header shifts the text lines, not the rows', () => {
    const t = csvTable('app,vm,"peak_cpu\n_ghz",peak_ram_gb\napi,api-01,2,8\n', 'inv.csv');
    expect(t.rows).toEqual([{ row: 2, line: 3, cells: ['api', 'api-01', '2', '8'] }]);
  });
});

describe('estimate(): invalid rows are fatal unless skipInvalid', () => {
  it('badrow7.csv: one InvalidRowsError naming file, row 7, field and problem; nothing estimated', () => {
    const err = thrown(() => estimate(csv(BADROW7, 'badrow7.csv'), fixtureCatalog(), options()));
    expect(err).toBeInstanceOf(InvalidRowsError);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InvalidRowsError).location).toEqual({ file: 'badrow7.csv', row: 7, field: 'peak_cpu_ghz' });
    expect(err.message).toBe(
      [
        '1 invalid row in badrow7.csv: nothing was estimated or saved (fix it, or pass --skip-invalid to estimate the other rows and list these); rows numbered as in a spreadsheet, header = row 1:',
        '- badrow7.csv, row 7, field "peak_cpu_ghz" (db-01): peak_cpu_ghz must be a number, got "abc"',
      ].join('\n'),
    );
  });

  it('lists every invalid row of every file (first 20, then the count), not just the first', () => {
    const bad = Array.from({ length: 23 }, (_, i) => `w,w-${i},1,x${i}`);
    const inv = parseInventoryTexts([
      { file: 'a.csv', text: `app,vm,peak_cpu_ghz,peak_ram_gb\n${bad.join('\n')}\n` },
      { file: 'b.json', text: JSON.stringify([{ app: 'v', vm: 'v-1', peak_cpu_ghz: 1, peak_ram_gb: -2 }]) },
    ]);
    const err = thrown(() => estimate(inv, fixtureCatalog(), options())) as InvalidRowsError;
    expect(err.rows).toHaveLength(24);
    const lines = err.message.split('\n');
    expect(lines[0]).toBe(
      '24 invalid rows in a.csv, b.json: nothing was estimated or saved (fix them, or pass --skip-invalid to estimate the other rows and list these); rows numbered as in a spreadsheet, header = row 1; JSON rows by position in the array, from 1:',
    );
    expect(lines.slice(1, 3)).toEqual(['- a.csv, row 2, field "peak_ram_gb" (w-0): peak_ram_gb must be a number, got "x0"', '- a.csv, row 3, field "peak_ram_gb" (w-1): peak_ram_gb must be a number, got "x1"']);
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines[21]).toBe('- … and 4 more');
  });

  it('powered-off VMs, templates and non-prod rows are reported skips, not errors', () => {
    const inv = csv('app,vm,env,peak_cpu_ghz,peak_ram_gb,powerstate,template\nw,w-1,prod,1,2,on,\nw,w-2,prod,1,2,poweredOff,\nw,w-3,prod,1,2,,true\nw,w-4,dev,1,2,,\n');
    const r = estimate(inv, fixtureCatalog(), options());
    expect(r.skippedCounts).toEqual({ 'powered-off': 1, template: 1, 'non-prod': 1 });
    expect(r.warnings).toEqual([]);
  });

  it('skipInvalid: the valid rows are estimated, the invalid ones listed, and a warning says so', () => {
    const r = estimate(csv(BADROW7, 'badrow7.csv'), fixtureCatalog(), options({ skipInvalid: true }));
    expect(r.apps.map((a) => [a.app, a.vmCount])).toEqual([['api', 2], ['web', 3], ['db', 1]]);
    expect(r.skipped).toEqual([{ file: 'badrow7.csv', row: 7, field: 'peak_cpu_ghz', vm: 'db-01', reason: 'invalid', detail: 'peak_cpu_ghz must be a number, got "abc"' }]);
    expect(r.warnings).toEqual(['1 invalid row was left out (--skip-invalid): this estimate does not count it; see the skipped rows']);
  });

  it('every row invalid: the error lists the rejected rows (with or without skipInvalid)', () => {
    const inv = csv(`${HEADER}\napi,api-01,prod,2,5,8\n`, 'comma.csv');
    expect(thrown(() => estimate(inv, fixtureCatalog(), options())).message).toContain('- comma.csv, row 2: expected 5 fields (as the header), found 6');
    const err = thrown(() => estimate(inv, fixtureCatalog(), options({ skipInvalid: true })));
    expect(err.message).toBe(
      [
        'comma.csv: nothing to estimate: no prod VM or service left after reading 1 rows (skipped: 1 invalid); invalid rows (rows numbered as in a spreadsheet, header = row 1):',
        '- comma.csv, row 2: expected 5 fields (as the header), found 6 (a decimal comma such as 2,5 splits a number in two: write 2.5, or quote the value)',
      ].join('\n'),
    );
  });
});

describe('nuage estimate with invalid rows', () => {
  it('exit 1, every invalid row on stderr, nothing on stdout, nothing saved', async () => {
    const file = tempFile('badrow7.csv', BADROW7);
    const db = join(mkdtempSync(join(tmpdir(), 'nuage-invalid-db-')), 'nuage.db');
    const r = await nuage(['estimate', file, '--save', 'q3', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`nuage: 1 invalid row in ${file}: nothing was estimated or saved`);
    expect(r.stderr).toContain(`- ${file}, row 7, field "peak_cpu_ghz" (db-01): peak_cpu_ghz must be a number, got "abc"\n`);
    const list = await nuage(['budgets', 'list', '--db', db, '--format', 'json']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('--skip-invalid: exit 0; table, Markdown, CSV and JSON all say rows were left out', async () => {
    const file = tempFile('badrow7.csv', BADROW7);
    const run = (format: string) => nuage(['estimate', file, '--skip-invalid', '--format', format]);
    const table = await run('table');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe('WARNING: 1 invalid row was left out (--skip-invalid): this estimate does not count it; see the');
    expect(table.stdout.replace(/\n\s+/g, ' ')).toContain(`- ${file}, row 7, field "peak_cpu_ghz" (db-01): peak_cpu_ghz must be a number`);
    const md = await run('markdown');
    expect(md.stdout).toContain('> **Warning:** 1 invalid row was left out (--skip-invalid)');
    const csvOut = (await run('csv')).stdout.split('\n');
    expect(csvOut[1]).toMatch(/^warning,1 invalid row was left out \(--skip-invalid\)/);
    expect(csvOut.some((l) => l.startsWith(`skipped,"${file}, row 7, field ""peak_cpu_ghz"" (db-01)","invalid: peak_cpu_ghz must be a number`))).toBe(true);
    const json = JSON.parse((await run('json')).stdout);
    expect(json.warnings).toEqual(['1 invalid row was left out (--skip-invalid): this estimate does not count it; see the skipped rows']);
    expect(json.skippedCounts).toEqual({ invalid: 1 });
  });

  it('--profile <directory> says it is a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-profile-'));
    mkdirSync(join(dir, 'profiles'));
    const r = await nuage(['estimate', 'examples/inventory.csv', '--profile', join(dir, 'profiles')]);
    expect(r.code).toBe(1);
    // (the shared CLI file reader words it its own way: the test pins the facts, not the phrasing)
    expect(r.stderr).toMatch(new RegExp(`^nuage: ${join(dir, 'profiles').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*directory`));
    expect(r.stderr).toContain('load profile');
    expect(r.stderr).not.toContain('not found');
    const missing = await nuage(['estimate', 'examples/inventory.csv', '--profile', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(join(dir, 'nope.txt'));
    expect(missing.stderr).not.toContain('directory');
  });
});
