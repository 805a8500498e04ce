/** The pull-request comment of a large plan stays within GitHub's 65,536-character body limit. */
import { describe, expect, it } from 'vitest';
import { COMMENT_MAX_CHARS, renderComment } from '../../src/plan/render/comment.js';
import { diffOf, planJson } from './support.js';

describe('comment size', () => {
  it('a 5,000-resource plan renders a comment under the GitHub limit, lists capped with a count of the rest', () => {
    const changes = Array.from({ length: 5000 }, (_, i) => {
      const type = ['aws_nat_gateway', 'aws_instance', 'aws_foo_unsupported', 'aws_s3_bucket'][i % 4]!;
      return { address: `module.app_${i % 37}.${type}.r["key-${i}"]`, type, module_address: `module.app_${i % 37}`, after: type === 'aws_instance' ? { instance_type: 'm5.large' } : {} };
    });
    const text = renderComment(diffOf(planJson(changes, { region: 'eu-west-3' })));
    expect(COMMENT_MAX_CHARS).toBe(65536);
    expect(text.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    // 1,250 NAT gateways + 1,250 S3 buckets (3 usage-based components each) + 1,250 t3-less m5 instances: usage-based list capped.
    expect(text).toMatch(/- … and [\d,]+ more \(all of them: `nuage diff --format json`\)/);
    expect(text).toContain('- aws_foo_unsupported × 1250');
    expect(text.split('<details>').length).toBe(text.split('</details>').length);
    expect(text.startsWith('<!-- nuage-cost-diff -->')).toBe(true);
  });

  it('keeps the components of as many resources as fit and says how many were left out', () => {
    const devices = Array.from({ length: 20 }, (_, j) => ({ device_name: `/dev/sd${j}`, volume_type: 'gp3', volume_size: 100 + j, iops: 4000, throughput: 200 }));
    const changes = Array.from({ length: 300 }, (_, i) => ({
      address: `module.platform.module.workloads["${'x'.repeat(60)}"].aws_instance.web["${i}"]`,
      module_address: 'module.platform',
      after: { instance_type: 'm5.large', ebs_block_device: devices },
    }));
    const text = renderComment(diffOf(planJson(changes, { region: 'eu-west-3' })));
    expect(text.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    const kept = text.split('\n#### ').length - 1;
    expect(kept).toBeGreaterThan(0);
    expect(text).toContain(`Components of ${50 - kept} more resources left out to stay within GitHub's comment size limit`);
    expect(text).toContain('| 250 more resources |'); // main table: 50 rows, then the rest summed
    expect(text).toMatch(/<sub>Region: eu-west-3 · Hours per month: 730 .* · nuage<\/sub>\n$/); // the assumptions stay
    expect(text).not.toContain('Comment truncated');
  });
});
