/** Plain-text wrapping shared by the text renderers (reports are read at 100 columns). */

/**
 * Wraps text at `width` columns with a hanging indent: greedy, at single spaces; a word longer than the width
 * keeps a line of its own. Lines are sliced out of `text` (a large plan has thousands of note lines: no word
 * arrays, no strings built word by word).
 */
export function wrap(text: string, width: number, indent: string): string[] {
  if (text.startsWith(' ') || (text.length > width && (text.endsWith(' ') || text.includes('  ')))) return wrapWords(text, width, indent);
  if (text.length <= width) return text === '' ? [] : [text];
  const lines: string[] = [];
  let start = 0; // the current line's first character in `text`
  let end = text.indexOf(' '); // the current line ends before `end`
  if (end < 0) return [text];
  let prefix = 0; // indent length on continuation lines
  while (end < text.length) {
    let next = text.indexOf(' ', end + 1);
    if (next < 0) next = text.length;
    if (prefix + (next - start) > width) {
      lines.push(prefix === 0 ? text.slice(start, end) : indent + text.slice(start, end));
      start = end + 1;
      prefix = indent.length;
    }
    end = next;
  }
  lines.push(prefix === 0 ? text.slice(start, end) : indent + text.slice(start, end));
  return lines;
}

/** Word by word: for texts with leading, trailing or repeated spaces (their rare edge cases kept as they were). */
function wrapWords(text: string, width: number, indent: string): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line === '' ? w : `${line} ${w}`;
    if (next.length > width && line !== '') {
      lines.push(line);
      line = indent + w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
