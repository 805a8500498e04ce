/** Plain-text wrapping shared by the text renderers (reports are read at 100 columns). */

/** Wraps text at `width` columns with a hanging indent. */
export function wrap(text: string, width: number, indent: string): string[] {
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
