import { isLowerAlpha } from './letter-multiset.js';

/**
 * The offensive-word rule (docs/domains/anagram.md): no item may have an offensive target, an
 * offensive valid solution, or a scramble that spells an offensive word inside it. The words stay in
 * the solution dictionary so grading is still right; they are only kept out of generated items.
 */
export interface OffensiveFilter {
  /**
   * For targets and solutions: a listed word, a simple inflection or stem of one, or a word with a
   * listed word of LONG_PART letters or more inside it ("motherfucking", "whorehouse").
   */
  isOffensive(word: string): boolean;
  /** For scrambles: whether a listed word of 3 letters or more appears anywhere inside the string. */
  containsOffensive(text: string): boolean;
  /** How many whole-word forms are blocked. */
  readonly size: number;
}

/** Listed words at least this long also block every word that contains them. */
export const LONG_PART = 5;

/**
 * [ours] Slurs and profanity that SUBTLEX-US has as common words but naughty-words 1.2.0 does not
 * list; they get the same treatment as listed words.
 */
export const EXTRA_OFFENSIVE_WORDS: readonly string[] = ['arse', 'crap', 'damn', 'dyke', 'fagot', 'jackass', 'piss', 'retard'];

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/**
 * A listed word and its simple English inflections and stems. Deliberately generous: blocking an
 * innocent word costs one item out of thousands, letting an offensive one through is the real harm.
 */
export function inflectionsOf(word: string): string[] {
  const out = new Set<string>([word]);
  for (const suffix of ['s', 'es', 'ed', 'ing', 'er', 'ers', 'y', 'ies', 'ier', 'iest']) out.add(word + suffix);
  const last = word.at(-1) ?? '';
  if (last === 'e') {
    for (const suffix of ['d', 'r', 'rs']) out.add(word + suffix); // rape → raped
    out.add(word.slice(0, -1) + 'ing'); // rape → raping
  }
  if (last === 'y') {
    const stem = word.slice(0, -1);
    for (const suffix of ['ies', 'ied', 'ier', 'iest']) out.add(stem + suffix);
  }
  if (word.length >= 3 && !VOWELS.has(last) && VOWELS.has(word.at(-2) ?? '') && !VOWELS.has(word.at(-3) ?? '')) {
    for (const suffix of ['ed', 'ing', 'er', 'ers', 'y', 'ies', 'ier', 'iest']) out.add(word + last + suffix); // crap → crappier
  }
  // Stems of listed inflected forms: "bitches" → "bitch", "boobs" → "boob".
  if (word.length > 3 && word.endsWith('es')) out.add(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) out.add(word.slice(0, -1));
  return [...out];
}

/** Normalises a list entry: lowercase, spaces and hyphens removed ("blow job" → "blowjob"). */
export function normaliseListEntry(entry: string): string | undefined {
  const word = entry.toLowerCase().replace(/[\s-]+/g, '');
  return isLowerAlpha(word) ? word : undefined;
}

/** Finds words of at least `minLength` letters inside a string; a prefix set skips most positions fast. */
class SubstringMatcher {
  private readonly words = new Set<string>();
  private readonly prefixes = new Set<string>();
  private longest = 0;

  constructor(private readonly minLength: number) {}

  add(word: string): void {
    if (word.length < this.minLength) return;
    this.words.add(word);
    this.prefixes.add(word.slice(0, this.minLength));
    this.longest = Math.max(this.longest, word.length);
  }

  foundIn(text: string): boolean {
    const m = this.minLength;
    for (let start = 0; start + m <= text.length; start++) {
      if (!this.prefixes.has(text.slice(start, start + m))) continue;
      const stop = Math.min(text.length, start + this.longest);
      for (let end = start + m; end <= stop; end++) if (this.words.has(text.slice(start, end))) return true;
    }
    return false;
  }
}

export function buildOffensiveFilter(list: readonly string[], extra: readonly string[] = EXTRA_OFFENSIVE_WORDS): OffensiveFilter {
  const whole = new Set<string>();
  const inLongWords = new SubstringMatcher(LONG_PART);
  const inScrambles = new SubstringMatcher(3);
  for (const entry of [...list, ...extra]) {
    const word = normaliseListEntry(entry);
    if (word === undefined) continue;
    for (const form of inflectionsOf(word)) whole.add(form);
    inLongWords.add(word);
    if (!/\s/.test(entry)) inScrambles.add(word); // phrases are only matched as whole words
  }
  return {
    size: whole.size,
    isOffensive: (word) => whole.has(word) || inLongWords.foundIn(word),
    containsOffensive: (text) => inScrambles.foundIn(text),
  };
}
