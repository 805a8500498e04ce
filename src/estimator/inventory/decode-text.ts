/** Bytes → text for inventory files: UTF-8 only (BOM tolerated); anything else is an InputError naming the line. */
import { InputError } from '../../errors.js';

export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError({ file }, 'file is UTF-16 encoded; save it as UTF-8 (CSV UTF-8 in Excel) and retry');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const { line, offset } = firstInvalidUtf8(bytes);
    throw new InputError(
      { file, row: line },
      `not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}); ` +
        'save the file as UTF-8 (e.g. "CSV UTF-8" in Excel, or iconv -f latin1 -t utf-8)',
    );
  }
}

/** Line number (1-based) and byte offset of the first byte that breaks UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; offset: number } {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b === 0x0a) line++;
    let extra: number;
    if (b < 0x80) extra = 0;
    else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) extra = 2;
    else if (b >= 0xf0 && b <= 0xf4) extra = 3;
    else return { line, offset: i };
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, offset: i };
    }
    i += extra + 1;
  }
  return { line, offset: i };
}
