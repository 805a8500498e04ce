/** Output written in pieces: a large report is never one string (large strings are costly to build). */

/** Characters per written piece: small strings (no large-object allocation), few writes. */
const CHUNK_CHARS = 16_384;

/** `parts.join(separator)` as consecutive strings of about CHUNK_CHARS characters. */
export function inChunks(parts: readonly string[], separator: string): string[] {
  const out: string[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < parts.length; i++) {
    size += parts[i]!.length + separator.length;
    if (size >= CHUNK_CHARS || i === parts.length - 1) {
      out.push(parts.slice(start, i + 1).join(separator) + (i < parts.length - 1 ? separator : ''));
      start = i + 1;
      size = 0;
    }
  }
  return out;
}
