/** for_each keys may hold backticks, `<`, `|`: the comment shows them literally, its markup intact. */
import { describe, expect, it } from 'vitest';
import { codeSpan, renderComment } from '../../src/plan/render/comment.js';
import { diffOf, planJson } from './support.js';

describe('addresses in the comment', () => {
  it('a code span longer than any backtick run inside (GFM), padded when the address starts or ends with one', () => {
    expect(codeSpan('aws_instance.web["a"]')).toBe('`aws_instance.web["a"]`');
    expect(codeSpan('aws_instance.web["a`b"]')).toBe('``aws_instance.web["a`b"]``');
    expect(codeSpan('aws_instance.web["``"]')).toBe('```aws_instance.web["``"]```');
  });

  it('a key holding a backtick and </details> does not close the code span nor the block (was: `…["x`</details>"]`)', () => {
    const address = 'aws_ebs_volume.v["x`</details>"]';
    const text = renderComment(diffOf(planJson([{ address, index: 'x`</details>', after: { availability_zone: 'eu-west-3a', type: 'gp2', size: 10 } }], { region: 'eu-west-3' })));
    expect(text).toContain('| ``aws_ebs_volume.v["x`</details>"]`` | create |');
    expect(text).toContain('#### ``aws_ebs_volume.v["x`</details>"]`` (aws_ebs_volume, eu-west-3)');
    expect(text.split('\n').filter((l) => l === '</details>')).toHaveLength(1); // the block's own; the address's are in code spans
  });
});
