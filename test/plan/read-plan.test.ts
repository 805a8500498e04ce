import { describe, expect, it } from 'vitest';
import { regionOf } from '../../src/plan/cost-plan.js';
import { decodePlanText, parsePlanJson } from '../../src/plan/decode.js';
import { PlanFormatError } from '../../src/plan/errors.js';
import { readPlanBytes, readPlanJson } from '../../src/plan/read-plan.js';
import { planJson } from './support.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string, bom = true): Uint8Array => {
  const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
  let o = 0;
  if (bom) (out[o++] = 0xff), (out[o++] = 0xfe);
  for (const ch of s) (out[o++] = ch.charCodeAt(0) & 0xff), (out[o++] = ch.charCodeAt(0) >> 8);
  return out;
};
const utf16be = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length * 2 + 2);
  out[0] = 0xfe;
  out[1] = 0xff;
  let o = 2;
  for (const ch of s) (out[o++] = ch.charCodeAt(0) >> 8), (out[o++] = ch.charCodeAt(0) & 0xff);
  return out;
};
const small = JSON.stringify(planJson([{ address: 'aws_eks_cluster.a', after: { name: 'a' } }], { region: 'eu-west-3' }));

describe('decoding', () => {
  it('reads UTF-8 with BOM, UTF-16 LE/BE with and without BOM', () => {
    for (const bytes of [enc('\ufeff' + small), utf16le(small), utf16le(small, false), utf16be(small)]) {
      expect(readPlanBytes(bytes, 'p.json').changes.map((c) => c.address)).toEqual(['aws_eks_cluster.a']);
    }
  });
  it('skips the GitHub Actions wrapper line and trailing ::debug:: noise', () => {
    const wrapped = `[command]/home/runner/work/_temp/abc/terraform-bin show -json plan.tfplan\r\n${small}\r\n::debug::stdout: done\n`;
    expect(readPlanBytes(enc(wrapped), 'p.json').changes).toHaveLength(1);
  });
  it('names file and line of a corrupted plan', () => {
    const broken = '{\n  "format_version": "1.2",\n  "resource_changes": [ { "address": \n';
    expect(() => parsePlanJson(broken, 'broken.json')).toThrow(PlanFormatError);
    expect(() => parsePlanJson(broken, 'broken.json')).toThrow(/^broken\.json, row \d+: corrupted plan JSON/);
    expect(() => parsePlanJson('   ', 'empty.json')).toThrow('empty.json: empty file');
    expect(() => parsePlanJson('Error: no plan', 'x.json')).toThrow('no JSON object found');
  });
  it('decodes plain UTF-8 unchanged', () => {
    expect(decodePlanText(enc('{"a":"é"}'))).toBe('{"a":"é"}');
  });
});

describe('reading plans', () => {
  it('accepts format versions 0.x and 1.x, rejects other majors, ignores unknown keys', () => {
    for (const v of ['0.1', '0.2', '1.0', '1.2', '1.9']) {
      expect(readPlanJson({ ...planJson([]), format_version: v, future_key: { x: 1 } }, 'p.json').formatVersion).toBe(v);
    }
    expect(() => readPlanJson({ ...planJson([]), format_version: '2.0' }, 'p.json')).toThrow('p.json, field "format_version": unsupported format version "2.0"');
    expect(() => readPlanJson({ version: 4, serial: 1, lineage: 'x', resources: [] }, 's.json')).toThrow(/state file, not a plan/);
  });
  it('normalizes every action, including both replace orders, and skips data sources', () => {
    const p = readPlanJson(
      planJson([
        { address: 'aws_eks_cluster.a', actions: ['no-op'], before: {}, after: {} },
        { address: 'aws_eks_cluster.b', actions: ['create'], after: {} },
        { address: 'aws_eks_cluster.c', actions: ['update'], before: {}, after: {} },
        { address: 'aws_eks_cluster.d', actions: ['delete'], before: {} },
        { address: 'aws_eks_cluster.e', actions: ['delete', 'create'], before: {}, after: {} },
        { address: 'aws_eks_cluster.f', actions: ['create', 'delete'], before: {}, after: {} },
        { address: 'aws_eks_cluster.g', actions: ['read'], after: {} },
      ]),
      'p.json',
    );
    expect(p.changes.map((c) => [c.action, c.replaceOrder ?? ''])).toEqual([
      ['no-op', ''],
      ['create', ''],
      ['update', ''],
      ['delete', ''],
      ['replace', 'delete-before-create'],
      ['replace', 'create-before-delete'],
    ]);
    expect(() => readPlanJson(planJson([{ address: 'a.b', actions: ['explode'] }]), 'p.json')).toThrow('p.json, field "resource_changes[0].change.actions": unknown actions [explode]');
  });
  it('takes the before side from prior_state and counts unlisted prior resources as no-op', () => {
    const json = {
      ...planJson([{ address: 'module.m.aws_ebs_volume.v[0]', module_address: 'module.m', index: 0, actions: ['update'], after: { size: 20 } }]),
      prior_state: {
        values: {
          root_module: {
            child_modules: [
              {
                address: 'module.m',
                resources: [
                  { address: 'module.m.aws_ebs_volume.v[0]', mode: 'managed', type: 'aws_ebs_volume', name: 'v', provider_name: 'aws', values: { size: 10 } },
                  { address: 'module.m.aws_ebs_volume.w["x"]', mode: 'managed', type: 'aws_ebs_volume', name: 'w', provider_name: 'aws', values: { size: 5 } },
                ],
              },
            ],
          },
        },
      },
    };
    const p = readPlanJson(json, 'p.json');
    expect(p.changes.map((c) => [c.address, c.action, c.before?.num('size'), c.after?.num('size')])).toEqual([
      ['module.m.aws_ebs_volume.v[0]', 'update', 10, 20],
      ['module.m.aws_ebs_volume.w["x"]', 'no-op', 5, 5],
    ]);
  });
  it('finds the region: resource attribute, availability zone, provider alias, variable, default', () => {
    const json = {
      ...planJson([
        { address: 'aws_ebs_volume.az', after: { availability_zone: 'eu-central-1b' } },
        { address: 'aws_ebs_volume.attr', after: { region: 'us-east-1' } },
        { address: 'aws_ebs_volume.alias', after: {} },
        { address: 'module.app.aws_ebs_volume.inherit', module_address: 'module.app', after: {} },
      ]),
      variables: { region: { value: 'eu-west-1' } },
      configuration: {
        provider_config: {
          aws: { name: 'aws', expressions: { region: { references: ['var.region'] } } },
          'aws.paris': { name: 'aws', alias: 'paris', expressions: { region: { constant_value: 'eu-west-3' } } },
        },
        root_module: {
          resources: [{ address: 'aws_ebs_volume.alias', type: 'aws_ebs_volume', provider_config_key: 'aws.paris' }],
          module_calls: { app: { module: { resources: [{ address: 'aws_ebs_volume.inherit', type: 'aws_ebs_volume', provider_config_key: 'app:aws' }] } } },
        },
      },
    };
    const p = readPlanJson(json, 'p.json');
    expect(p.changes.map((c) => regionOf(c, c.after, 'ap-south-1'))).toEqual(['eu-central-1', 'us-east-1', 'eu-west-3', 'eu-west-1']);
    const bare = readPlanJson(planJson([{ address: 'aws_ebs_volume.x', after: {} }]), 'p.json');
    expect(regionOf(bare.changes[0]!, bare.changes[0]!.after, 'ap-south-1')).toBe('ap-south-1');
    expect(regionOf(bare.changes[0]!, bare.changes[0]!.after)).toBeUndefined();
  });
});
