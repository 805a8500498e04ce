import { describe, expect, it } from 'vitest';
import { wrap } from '../src/report/wrap.js';

/** The word-by-word greedy wrap the renderers used first: the reference the sliced version must equal. */
function reference(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    const next = line === '' ? w : `${line} ${w}`;
    if (next.length > width && line !== '') {
      lines.push(line);
      line = indent + w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A small deterministic generator (no Math.random: a failure must reproduce). */
function* texts(count: number): Generator<string> {
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const alphabet = 'abcdefghij€×—';
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: next(40) }, () => Array.from({ length: next(14) }, () => alphabet[next(alphabet.length)]).join(''));
    yield words.join(next(10) === 0 ? '  ' : ' ');
  }
}

describe('wrap', () => {
  it('equals the word-by-word reference on 5,000 generated texts, widths and indents', () => {
    let n = 0;
    for (const t of texts(5000)) {
      for (const [width, indent] of [[100, '  '], [20, '    '], [7, ''], [1, ' ']] as const) {
        expect(wrap(t, width, indent)).toEqual(reference(t, width, indent));
        n++;
      }
    }
    expect(n).toBe(20000);
  });

  it('breaks at the last space that fits, hanging indent on continuation lines; long words keep their own line', () => {
    expect(wrap('aaa bbb ccc ddd', 8, '  ')).toEqual(['aaa bbb', '  ccc', '  ddd']);
    expect(wrap('aaaaaaaaaaaa bb', 8, '  ')).toEqual(['aaaaaaaaaaaa', '  bb']);
    expect(wrap('short', 100, '  ')).toEqual(['short']);
    expect(wrap('', 100, '  ')).toEqual([]);
  });
});
