/** "Did you mean …?" for unknown instance types and regions: nearest names by edit distance. */

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Up to `limit` candidates nearest to `wanted` (ties in alphabetical order), within a sensible distance. */
export function nearest(wanted: string, candidates: Iterable<string>, limit = 5): string[] {
  const w = wanted.toLowerCase();
  const max = Math.max(2, Math.ceil(w.length / 2));
  return [...new Set(candidates)]
    .map((c) => ({ c, d: editDistance(w, c.toLowerCase()) }))
    .filter((x) => x.d <= max)
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.c);
}

/** " Did you mean: a, b?" or "" when nothing is near. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const n = nearest(wanted, candidates);
  return n.length > 0 ? ` Did you mean: ${n.join(', ')}?` : '';
}
