import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { parsePriceOverrides } from '../src/plan/price-overrides.js';
import { parseUsageFile } from '../src/plan/usage.js';
import { inputErrorOf } from './support/input-error.js';


describe('YAML input files', () => {
  it('a schema error names the file, the line of the bad value and the key path', () => {
    const text = ['version: 1', 'resource_usage:', '  aws_nat_gateway.main:', '    monthly_data_processed_gb: -5', ''].join('\n');
    const e = inputErrorOf(() => parseUsageFile(text, 'nuage-usage.yml'));
    expect(e.location).toEqual({ file: 'nuage-usage.yml', row: 4, rowKind: 'line', field: 'resource_usage.aws_nat_gateway.main.monthly_data_processed_gb' });
    expect(e.message).toMatch(/^nuage-usage\.yml, line 4, field "resource_usage\.aws_nat_gateway\.main\.monthly_data_processed_gb": /);
  });

  it('a bad decimal inside a list names the list element line', () => {
    const text = ['asOf: "2021-04-01"', 'ec2:', '  - instanceType: t2.micro', '    usdPerHour: "0.12"', '  - instanceType: m5.large', '    usdPerHour: "12,5"', ''].join('\n');
    const e = inputErrorOf(() => parsePriceOverrides(text, 'p.yml'));
    expect(e.location).toEqual({ file: 'p.yml', row: 6, rowKind: 'line', field: 'ec2.1.usdPerHour' });
    expect(e.problem).toBe('not a decimal number: "12,5"');
  });

  it('an unknown key is named itself, at its own line', () => {
    const e = inputErrorOf(() => parseUsageFile('version: 1\nresource_usages: {}\n', 'u.yml'));
    expect(e.location).toEqual({ file: 'u.yml', row: 2, rowKind: 'line', field: 'resource_usages' });
    expect(e.message).toBe('u.yml, line 2, field "resource_usages": unknown key');
    const nested = inputErrorOf(() => parsePriceOverrides('ec2:\n  - instanceType: t3.micro\n    usdPerHour: "0.01"\n    zone: a\n', 'p.yml'));
    expect(nested.location).toEqual({ file: 'p.yml', row: 4, rowKind: 'line', field: 'ec2.0.zone' });
  });

  it('a syntax error names its line', () => {
    const e = inputErrorOf(() => parseUsageFile('version: 1\nresource_usage:\n  a: [1, 2\n', 'u.yml'));
    expect(e.location.file).toBe('u.yml');
    expect(e.location.row).toBeGreaterThanOrEqual(3);
    expect(e.problem).toMatch(/^not valid YAML: /);
  });

  it('an empty document is an empty file, not an error', () => {
    expect(parseUsageFile('', 'u.yml')).toEqual({ file: 'u.yml', byType: {}, byAddress: {} });
    expect(parsePriceOverrides('# nothing yet\n', 'p.yml')).toEqual({ file: 'p.yml', shownAs: 'p.yml' });
  });
});
