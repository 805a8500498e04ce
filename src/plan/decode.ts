/**
 * Bytes of a `terraform show -json` capture → the parsed JSON object. Tolerates what CI pipelines add:
 * a UTF-8 BOM, UTF-16 (LE/BE, with or without BOM), CRLF, leading wrapper lines (the GitHub Actions
 * `[command]…/terraform-bin show -json plan` echo) and trailing noise after the object (`::debug::` lines).
 */
import { Buffer, isAscii } from 'node:buffer';
import { PlanFormatError } from './errors.js';

/**
 * The encoding is told from the bytes (BOM, zero bytes of UTF-16), then the text is decoded once. A UTF-8 file
 * that is pure ASCII (the usual `terraform show -json` output) is decoded as Latin-1, which gives the same
 * string: V8 builds it by copying bytes, where UTF-8 decoding costs more than parsing the JSON.
 */
export function decodePlanText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // UTF-16 without BOM: every other byte of ASCII text is zero.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) {
    return new TextDecoder('utf-16le').decode(bytes);
  }
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) {
    return new TextDecoder('utf-16be').decode(bytes);
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom);
  return isAscii(body) ? body.toString('latin1') : body.toString('utf8');
}

/** Where the JSON object starts: the first line that begins with "{" (wrapper lines before it are skipped). */
function objectStart(text: string): number {
  if (text.startsWith('{')) return 0;
  const re = /(^|\n)[ \t]*\{/g;
  const m = re.exec(text);
  return m ? m.index + m[0].length - 1 : -1;
}

/** Parses the plan text into a JSON value; errors name the file and line. */
export function parsePlanJson(text: string, file: string): unknown {
  const start = objectStart(text);
  if (start < 0) {
    const trimmed = text.trim();
    throw new PlanFormatError({ file }, trimmed === '' ? 'empty file: expected `terraform show -json` output' : 'no JSON object found: expected `terraform show -json` output');
  }
  const body = start === 0 ? text : text.slice(start);
  try {
    return JSON.parse(body);
  } catch (err) {
    const message = (err as Error).message;
    // Trailing noise after a complete object: V8 says "Unexpected non-whitespace character after JSON at position N".
    const after = /after JSON at position (\d+)/.exec(message);
    if (after) {
      try {
        return JSON.parse(body.slice(0, Number(after[1])));
      } catch {
        /* fall through to the original error */
      }
    }
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineOf(text, start + Number(pos[1])) : /end of JSON/i.test(message) ? lineOf(text, text.trimEnd().length) : undefined;
    if (/end of JSON/i.test(message)) {
      throw new PlanFormatError({ file, row: line }, `corrupted plan JSON: the file ends before the plan does (truncated?)`);
    }
    throw new PlanFormatError({ file, row: line }, `corrupted plan JSON: ${message.replace(/^JSON\.parse: /, '')}`);
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
