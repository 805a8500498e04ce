/**
 * GitHub refuses a comment body over 65,536 characters (422 "Body is too long"). A comment is fitted to
 * the limit by cutting it at a line boundary, closing the `<details>` blocks the cut leaves open, and saying
 * so at the end, rather than failing the post. Pure: the renderer and the GitHub edge both use it.
 */

/** GitHub's limit on an issue or pull-request comment body, in characters. */
export const COMMENT_MAX_CHARS = 65536;

/** At most this many entries of each "not in the totals" list are shown in a comment. */
export const COMMENT_LIST_MAX = 50;

const truncationNote = (left: number): string =>
  `> **Comment truncated:** ${left.toLocaleString('en-US')} characters left out to stay within GitHub's ${COMMENT_MAX_CHARS.toLocaleString('en-US')}-character limit. The whole report: \`nuage diff --format json\` or \`--format markdown\`.`;

/**
 * The body itself when it fits in `max` characters (UTF-16 code units: never fewer than GitHub's
 * characters), else its first lines, open `<details>` closed, and a note saying how much was left out.
 */
export function fitCommentBody(body: string, max: number = COMMENT_MAX_CHARS): string {
  if (body.length <= max) return body;
  const reserve = truncationNote(body.length).length + 200;
  let cut = body.lastIndexOf('\n', Math.max(0, max - reserve));
  if (cut < 0) cut = Math.max(0, max - reserve);
  let head = body.slice(0, cut);
  // Close what the cut leaves open: a code fence, then every unclosed <details>.
  if (((head.match(/^```/gm) ?? []).length & 1) === 1) head += '\n```';
  const open = (head.match(/<details>/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length;
  const closing = open > 0 ? '\n\n' + Array.from({ length: open }, () => '</details>').join('\n') : '';
  return `${head}${closing}\n\n${truncationNote(body.length - cut)}\n`;
}
