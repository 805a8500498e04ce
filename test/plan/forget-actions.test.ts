/**
 * Terraform 1.7+ `removed { lifecycle { destroy = false } }` and `destroy = false` replacements: actions
 * ["forget"] and ["create","forget"] (CreateThenForget: "must be replaced, but the existing object will not
 * be destroyed"). The forgotten object leaves the stack but keeps running: it is in neither total.
 */
import { describe, expect, it } from 'vitest';
import { diffOf, planJson } from './support.js';

describe('forget actions', () => {
  it('["create","forget"] prices the new object as created (was: unknown actions [create,forget], exit 1)', () => {
    const d = diffOf(
      planJson(
        [
          { address: 'aws_instance.kept', actions: ['create', 'forget'], before: { instance_type: 'm5.xlarge' }, after: { instance_type: 'm5.large', root_block_device: [{ volume_type: 'gp3', volume_size: 10 }] } },
          { address: 'aws_instance.gone', actions: ['forget'], before: { instance_type: 'm5.xlarge' } },
          { address: 'aws_instance.swap', actions: ['forget', 'create'], before: { instance_type: 'm5.xlarge' }, after: { instance_type: 'm5.large', root_block_device: [{ volume_type: 'gp3', volume_size: 10 }] } },
        ],
        { region: 'eu-west-3' },
      ),
    );
    expect(d.resources.map((r) => [r.address, r.action, r.beforeMonthlyCost, r.afterMonthlyCost?.toString()])).toEqual([
      ['aws_instance.kept', 'create', null, '82.688'], // 0.112 × 730 + 10 GB × 0.0928
      ['aws_instance.swap', 'create', null, '82.688'],
    ]);
    expect(d.before.totalMonthlyCost.toString()).toBe('0');
    expect(d.after.totalMonthlyCost.toString()).toBe('165.376');
  });
});
