/**
 * Streams an RVTools .xlsx (exceljs streaming reader) and keeps only the vInfo, vHost and vCPU sheets.
 * RVTools pads sheets with formatted empty rows up to the sheet limit (1,048,575): a sheet ends at the
 * first run of EMPTY_RUN_END empty rows, so memory and time follow the VM count, not the padding.
 */
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { InputError } from '../../errors.js';
import type { RawRow, RawTable } from './types.js';
import type { RvtoolsTables } from './rvtools.js';

export const EMPTY_RUN_END = 20;
const WANTED = new Map([
  ['vinfo', 'vInfo'],
  ['vhost', 'vHost'],
  ['vcpu', 'vCPU'],
]);

export interface XlsxReadStats {
  readonly sheets: readonly string[];
  /** Rows looked at per wanted sheet (data + header + the empty run that ended it). */
  readonly rowsScanned: Readonly<Record<string, number>>;
}

/** A cell value from exceljs as text: rich text joined, formulas by result, dates ISO, errors empty. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
  }
  return '';
}

/** `input`: the workbook's bytes as a stream (the caller opens the file: no I/O here); `file` names it in messages. */
export async function readRvtoolsXlsx(input: Readable, file: string): Promise<{ tables: RvtoolsTables; stats: XlsxReadStats }> {
  const found = new Map<string, RawTable>();
  const sheets: string[] = [];
  const rowsScanned: Record<string, number> = {};
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'emit',
    });
    for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name;
      sheets.push(name);
      const wanted = WANTED.get(name.toLowerCase().replace(/^tab/, ''));
      if (!wanted) continue; // the reader drains the sheet when we move on
      let header: string[] | undefined;
      const rows: RawRow[] = [];
      let emptyRun = 0;
      let scanned = 0;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        scanned++;
        const values = (row.values as unknown[]).slice(1).map(cellText).map((s) => s.trim());
        if (values.every((s) => s === '')) {
          if (header && ++emptyRun >= EMPTY_RUN_END) break;
          continue;
        }
        emptyRun = 0;
        if (!header) header = values;
        else rows.push({ row: row.number, cells: values });
      }
      rowsScanned[wanted] = scanned;
      if (header) found.set(wanted, { file: `${file} [${wanted}]`, header, rows });
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError({ file }, `cannot read as an .xlsx workbook: ${(err as Error).message}`);
  }
  const vInfo = found.get('vInfo');
  if (!vInfo) throw new InputError({ file, field: 'vInfo' }, `no vInfo sheet with a header; sheets found: ${sheets.join(', ') || 'none'}`);
  const vHost = found.get('vHost');
  const vCPU = found.get('vCPU');
  return { tables: { vInfo, ...(vHost ? { vHost } : {}), ...(vCPU ? { vCPU } : {}) }, stats: { sheets, rowsScanned } };
}
