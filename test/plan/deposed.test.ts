/**
 * A deposed object (left by a failed create_before_destroy) is listed by Terraform under the same address
 * as the current object, with `deposed`: it is still running until the plan deletes it, and the report
 * tells the two apart as Terraform does ("aws_instance.a (deposed object 00000001)").
 */
import { describe, expect, it } from 'vitest';
import { renderComment } from '../../src/plan/render/comment.js';
import { diffOf, planJson } from './support.js';

describe('deposed objects', () => {
  it('are priced on their before side and named apart from the current object', () => {
    const json = planJson(
      [
        { address: 'aws_instance.a', actions: ['no-op'], before: { instance_type: 'm5.large' }, after: { instance_type: 'm5.large' } },
        { address: 'aws_instance.a', actions: ['delete'], before: { instance_type: 'm5.xlarge' } },
      ],
      { region: 'eu-west-3' },
    );
    ((json.resource_changes as Record<string, unknown>[])[1]!).deposed = '00000001';
    const d = diffOf(json);
    expect(d.resources.map((r) => [r.address, r.action, r.beforeMonthlyCost?.toString(), r.afterMonthlyCost?.toString() ?? null])).toEqual([
      ['aws_instance.a', 'no-op', '82.5024', '82.5024'],
      ['aws_instance.a (deposed object 00000001)', 'delete', '164.2624', null], // 0.224 × 730 + 8 GB gp3 root × 0.0928
    ]);
    expect(renderComment(d)).toContain('| `aws_instance.a (deposed object 00000001)` | delete |');
  });
});
