/**
 * String distances for name parts: Jaro-Winkler (what OFAC's search and Watchman use, kept for the
 * baseline and for explanations) and a bounded Damerau-Levenshtein distance with an edit budget that
 * grows with word length, so one typo in "Rungrado" counts and one letter of "Un" does not.
 */

/** Jaro-Winkler similarity in [0, 1], prefix bonus 0.1 over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length, lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const aFlags = new Uint8Array(la), bFlags = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window), hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!bFlags[j] && a[i] === b[j]) {
        aFlags[i] = 1; bFlags[j] = 1; matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0, k = 0;
  for (let i = 0; i < la; i++) {
    if (!aFlags[i]) continue;
    while (!bFlags[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Damerau-Levenshtein distance (adjacent transpositions count once), or `max + 1` as soon as the
 * distance is known to exceed `max`, which keeps scoring fast on long candidate lists.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let prevPrev = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= lb; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[lb]!;
}

/**
 * Edits a word of this length may carry and still be the same word: none up to 4 letters, one from
 * 5, two from 9, three from 14. Short name parts ("Un", "Song", "Dong") must agree exactly or by
 * folding: one letter turns one Korean syllable into another, and so one person into another.
 */
export function editBudget(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  if (length <= 13) return 2;
  return 3;
}

/**
 * Typo similarity of two words in [0, 1]: 0 beyond the edit budget of the shorter word, else
 * 1 − 0.5 × edits / budget-scaled length, so one edit in a 5-letter word gives 0.9 and in a
 * 9-letter word 0.94.
 */
export function typoSimilarity(a: string, b: string): { score: number; edits: number } {
  const budget = editBudget(Math.min(a.length, b.length));
  if (budget === 0) return { score: a === b ? 1 : 0, edits: a === b ? 0 : 1 };
  const edits = editDistance(a, b, budget);
  if (edits > budget) return { score: 0, edits };
  return { score: 1 - (0.5 * edits) / Math.max(a.length, b.length), edits };
}
