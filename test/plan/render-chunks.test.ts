import { describe, expect, it } from 'vitest';
import { inChunks } from '../../src/plan/render/chunks.js';
import { diffToJson, jsonChunks, renderJson } from '../../src/plan/render/json.js';
import { renderTable, tableLines } from '../../src/plan/render/table.js';
import { diffOf, planJson } from './support.js';

describe('output in pieces', () => {
  it('inChunks: pieces of about 16k characters that concatenate to the joined text', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)}`);
    for (const sep of ['\n', '']) {
      const chunks = inChunks(lines, sep);
      expect(chunks.join('')).toBe(lines.join(sep));
      expect(chunks.length).toBeGreaterThan(5);
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(16_384 + 100);
    }
    expect(inChunks(['a'], '\n')).toEqual(['a']);
    expect(inChunks([], '\n').join('')).toBe('');
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
      expect(jsonChunks(d, { breached: true, reasons: ['x'] }).join('')).toBe(JSON.stringify(diffToJson(d, { breached: true, reasons: ['x'] }), null, 2) + '\n');
      expect(tableLines(d, 'text').join('\n')).toBe(renderTable(d, 'text'));
    }
  });
});
