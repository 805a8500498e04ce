/**
 * Output handed on in pieces as it is rendered: a large report is never one string, nor held whole in memory
 * (large strings are costly to build, and everything kept alive is copied by each young-generation GC).
 */

/** Characters per written piece: small strings (no large-object allocation), few writes. */
const CHUNK_CHARS = 16_384;

/** Collects pieces and writes them in strings of about CHUNK_CHARS characters; `flush()` writes the rest. */
export class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly write: (chunk: string) => void) {}

  add(piece: string): void {
    this.parts.push(piece);
    this.size += piece.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  /** `parts[0..count)`, as pieces (the array may be reused by the caller afterwards). */
  addParts(parts: readonly string[], count: number): void {
    for (let i = 0; i < count; i++) {
      this.parts.push(parts[i]!);
      this.size += parts[i]!.length;
    }
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

export interface LineWriter {
  /** One line. */
  (line: string): void;
  /** One line given as its pieces `parts[0..count)`. */
  parts(parts: readonly string[], count: number): void;
}

/** Lines written joined by line breaks (as `lines.join('\n')`). */
export function lineWriter(w: ChunkWriter): LineWriter {
  let first = true;
  const line = ((text: string): void => {
    if (!first) w.add('\n');
    first = false;
    w.add(text);
  }) as LineWriter;
  line.parts = (parts, count) => {
    if (!first) w.add('\n');
    first = false;
    w.addParts(parts, count);
  };
  return line;
}
