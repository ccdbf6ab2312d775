let previous = new Int32Array(64);
let current = new Int32Array(64);
let beforePrevious = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition).
 * Returns `limit + 1` as soon as the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (previous.length <= m) {
    previous = new Int32Array(m * 2 + 1);
    current = new Int32Array(m * 2 + 1);
    beforePrevious = new Int32Array(m * 2 + 1);
  }
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = previous[j - 1] + (ca === cb ? 0 : 1);
      const del = previous[j] + 1;
      if (del < best) best = del;
      const ins = current[j - 1] + 1;
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const swap = beforePrevious[j - 2] + 1;
        if (swap < best) best = swap;
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return limit + 1;
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = spare;
  }
  return previous[m];
}

/** 1 for equal strings, falling towards 0 as the edit distance approaches the longer length. */
export function editSimilarity(a: string, b: string, floor = 0): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const limit = Math.floor((1 - floor) * longest);
  if (Math.abs(a.length - b.length) > limit || charsMissing(a, b) > limit) return 0;
  const distance = editDistance(a, b, limit);
  return distance > limit ? 0 : 1 - distance / longest;
}

/** Characters of `a` that occur nowhere in `b` (by 32 buckets): each needs an edit, a cheap lower bound. */
function charsMissing(a: string, b: string): number {
  let inB = 0;
  for (let i = 0; i < b.length; i++) inB |= 1 << (b.charCodeAt(i) & 31);
  let missing = 0;
  for (let i = 0; i < a.length; i++) if ((inB & (1 << (a.charCodeAt(i) & 31))) === 0) missing++;
  return missing;
}
