import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearest } from '../../src/catalog/suggest.js';

describe('nearest-name suggestions', () => {
  it('edit distance', () => {
    expect(editDistance('m5.xlage', 'm5.xlarge')).toBe(1);
    expect(editDistance('eu-west-9', 'eu-west-3')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('nearest first, ties alphabetically, far names left out', () => {
    expect(nearest('m5.xlage', ['m5.xlarge', 'c5.xlarge', 'x1e.32xlarge', 'm5.large'])).toEqual(['m5.xlarge', 'c5.xlarge', 'm5.large']);
    expect(nearest('EU-WEST-3', ['eu-west-3', 'eu-west-1'])).toEqual(['eu-west-3', 'eu-west-1']);
    expect(didYouMean('zzzzzzzz', ['m5.large'])).toBe('');
    expect(didYouMean('m5.larg', ['m5.large'])).toBe(' Did you mean: m5.large?');
  });
});
