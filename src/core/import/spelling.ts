/** Near misses: which known word a misspelt one was probably meant to be. */

/**
 * The candidate nearest to `key`, if it is near enough to be a typo: within 1 edit for keys of up
 * to 4 characters, else within 2 or a third of the length. Case and `-` for `_` cost nothing, since
 * they are the usual slips. Ties go to the earlier candidate, so the answer is stable.
 */
export function closestKey(key: string, candidates: readonly string[]): string | undefined {
  const wanted = key.trim().toLowerCase().replaceAll('-', '_');
  const limit = wanted.length <= 4 ? 1 : Math.max(2, Math.floor(wanted.length / 3));
  let best: { key: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

/**
 * Optimal-string-alignment distance: Levenshtein plus the swap of two neighbours (`adrd` for
 * `addr`), the commonest typing slip.
 */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const d: number[] = [];
  const at = (i: number, j: number) => d[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        d[i * width + j] = i + j;
        continue;
      }
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}
