/**
 * String similarity for skeletons: Jaro–Winkler and a bounded Damerau–Levenshtein (optimal
 * string alignment). Both work on UTF-16 code units, which is exact for skeletons (ASCII).
 */

/**
 * Jaro–Winkler similarity in [0, 1]: 1 for equal strings (two empty strings included), 0 when
 * one is empty or nothing matches. Winkler's prefix bonus (scale 0.1, up to 4 characters) is
 * applied when the Jaro similarity exceeds 0.7, as in Winkler (1990).
 *
 * @example jaroWinkler('martha', 'marhta') // ≈ 0.961
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const j = jaro(a, b, la, lb);
  if (j <= 0.7) return j;
  const maxPrefix = Math.min(4, la, lb);
  let prefix = 0;
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

// Matched-position bitsets reused by every call (synchronous, so never shared): one bit per
// character, 32 to a word, so names never need more than the initial four words.
let matchedA = new Int32Array(4);
let matchedB = new Int32Array(4);

function jaro(a: string, b: string, la: number, lb: number): number {
  const words = (Math.max(la, lb) >> 5) + 1;
  if (matchedA.length < words) {
    matchedA = new Int32Array(words);
    matchedB = new Int32Array(words);
  }
  const fa = matchedA;
  const fb = matchedB;
  for (let w = 0; w < words; w++) {
    fa[w] = 0;
    fb[w] = 0;
  }
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const ca = a.charCodeAt(i);
    const hi = Math.min(i + range + 1, lb);
    for (let j = Math.max(0, i - range); j < hi; j++) {
      if ((fb[j >> 5]! & (1 << (j & 31))) === 0 && b.charCodeAt(j) === ca) {
        fa[i >> 5]! |= 1 << (i & 31);
        fb[j >> 5]! |= 1 << (j & 31);
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  for (let i = 0, k = 0; i < la; i++) {
    if ((fa[i >> 5]! & (1 << (i & 31))) === 0) continue;
    while ((fb[k >> 5]! & (1 << (k & 31))) === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  return (matches / la + matches / lb + (matches - halfTranspositions / 2) / matches) / 3;
}

// Rows reused by every call (synchronous, so never shared).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
 * adjacent characters) bounded by `max`: returns the distance when it is ≤ `max`, otherwise
 * `max + 1`, and stops as soon as the bound is certain to be exceeded.
 *
 * @example damerauLevenshtein('ivanov', 'ivnaov', 2) // 1
 * @example damerauLevenshtein('ivanov', 'petrov', 2) // 3 (more than 2)
 */
export function damerauLevenshtein(a: string, b: string, max: number = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (rowA.length <= lb) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  let before = rowA; // row i - 2
  let prev = rowB; // row i - 1
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ca === cb ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const swap = before[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = before;
    before = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[lb]!;
  return d > max ? max + 1 : d;
}
