/**
 * Letter multisets: two words are anagrams of each other exactly when they have the same letters
 * with the same counts. The lexicon keys its index by `letterKey`, an order-independent number, so
 * one map lookup finds every solution of a scramble; `sameLetters` confirms each candidate exactly.
 */

const A = 97;

/** True for a non-empty string of lowercase ASCII letters a–z only. */
export function isLowerAlpha(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < A || c > A + 25) return false;
  }
  return true;
}

/**
 * Fixed pseudo-random 32-bit weights, one per letter (a 32-bit xorshift with a constant seed). A key
 * is the sum of a word's letter weights modulo 2^32, cut to 30 bits so V8 keeps it a small integer.
 * Different letter sets rarely share a key (a handful of pairs in the whole dictionary); when they
 * do, `sameLetters` tells them apart, so a shared key costs one comparison, never a wrong answer.
 */
const WEIGHTS: Int32Array = (() => {
  let x = 0x2545f491;
  const out = new Int32Array(26);
  for (let i = 0; i < 26; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x;
  }
  return out;
})();

/** The order-independent numeric key of a lowercase a–z string's letters (a 30-bit integer). */
export function letterKey(word: string): number {
  let key = 0;
  for (let i = 0; i < word.length; i++) key = (key + WEIGHTS[word.charCodeAt(i) - A]!) | 0;
  return key & 0x3fffffff;
}

const tally = new Int16Array(26);

/** Whether two lowercase a–z strings use exactly the same letters, each the same number of times. */
export function sameLetters(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  if (a === b) return true;
  tally.fill(0);
  for (let i = 0; i < a.length; i++) {
    tally[a.charCodeAt(i) - A]! += 1;
    tally[b.charCodeAt(i) - A]! -= 1;
  }
  for (let l = 0; l < 26; l++) if (tally[l] !== 0) return false;
  return true;
}

/** The letters in alphabetical order (a readable canonical form: "listen" → "eilnst"). */
export function sortedLetters(word: string): string {
  return [...word].sort().join('');
}

/** How many different strings the letters can be arranged into: n! / (k1! k2! …). */
export function distinctArrangements(word: string): number {
  const groups = new Map<string, number>();
  for (const ch of word) groups.set(ch, (groups.get(ch) ?? 0) + 1);
  let result = 1;
  let placed = 0;
  // Multiply binomials C(placed + k, k) one letter group at a time; every partial product is an integer.
  for (const k of groups.values()) {
    for (let i = 1; i <= k; i++) result = (result * (placed + i)) / i;
    placed += k;
    if (result > Number.MAX_SAFE_INTEGER) return Number.POSITIVE_INFINITY;
  }
  return Math.round(result);
}
