import { describe, expect, it } from 'vitest';
import { ChunkWriter, lineWriter } from '../../src/plan/render/chunks.js';
import { diffToJson, jsonChunks, renderJson } from '../../src/plan/render/json.js';
import { renderTable, tableLines, writeTable } from '../../src/plan/render/table.js';
import { diffOf, planJson } from './support.js';

describe('output in pieces', () => {
  it('ChunkWriter: pieces of about 16k characters that concatenate to the joined text', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)}`);
    const chunks: string[] = [];
    const w = new ChunkWriter((c) => void chunks.push(c));
    const line = lineWriter(w);
    for (const l of lines) line(l);
    w.flush();
    expect(chunks.join('')).toBe(lines.join('\n'));
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(16_384 + 100);
    const none: string[] = [];
    new ChunkWriter((c) => void none.push(c)).flush();
    expect(none).toEqual([]);
  });
  it('JSON pieces are exactly JSON.stringify(…, null, 2) of the whole diff', () => {
    const json = planJson(
      [
        { address: 'aws_instance.a', after: { instance_type: 'm5.large' } },
        { address: 'aws_nat_gateway.n', after: {} },
        { address: 'aws_s3_bucket.b', after: {} },
        { address: 'aws_kinesis_stream.k', after: {} },
        { address: 'aws_iam_role.r', after: {} },
      ],
      { region: 'eu-west-3' },
    );
    for (const d of [diffOf(json), diffOf(planJson([], { region: 'eu-west-3' }))]) {
      expect(renderJson(d)).toBe(JSON.stringify(diffToJson(d), null, 2) + '\n');
      expect(jsonChunks(d, { breached: true, warnings: [], reasons: ['x'] }).join('')).toBe(JSON.stringify(diffToJson(d, { breached: true, warnings: [], reasons: ['x'] }), null, 2) + '\n');
      expect(tableLines(d, 'text').join('\n')).toBe(renderTable(d, 'text'));
      for (const style of ['text', 'markdown'] as const) {
        const chunks: string[] = [];
        const w = new ChunkWriter((c) => void chunks.push(c));
        writeTable(d, style, false, lineWriter(w));
        w.flush();
        expect(chunks.join('')).toBe(renderTable(d, style));
      }
    }
  });
});
