import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateAnagrams } from './generate.js';
import { buildLexicon, loadLexicon, type Lexicon } from './lexicon.js';
import { readScowlFiles, readOffensiveList } from './data-files.js';
import { sortedLetters } from './letter-multiset.js';
import { buildOffensiveFilter } from './offensive.js';
import { anagramDomain } from './index.js';
import { Rng } from '../../core/rng.js';
import { binOf } from '../../core/item.js';
import { ReliabenchError } from '../../core/errors.js';

let lexicon: Lexicon;
/** An independent oracle: every dictionary word by its sorted letters, built from the raw files. */
const bySortedLetters = new Map<string, string[]>();

beforeAll(async () => {
  lexicon = await loadLexicon();
  for (const file of readScowlFiles()) {
    for (const w of file.words) {
      if (!/^[a-z]+$/.test(w)) continue;
      const key = sortedLetters(w);
      const list = bySortedLetters.get(key) ?? [];
      if (!list.includes(w)) list.push(w);
      bySortedLetters.set(key, list);
    }
  }
});

describe('generateAnagrams', () => {
  it('makes items whose scramble, solutions and target agree, for any seed', () => {
    const offensive = buildOffensiveFilter(readOffensiveList());
    fc.assert(fc.property(fc.integer(), fc.integer({ min: 1, max: 40 }), (seed, count) => {
      const drafts = generateAnagrams(Rng.fromSeed(seed), count, lexicon);
      expect(drafts).toHaveLength(count);
      for (const { input, gold, difficulty, source } of drafts) {
        const letters = input['letters'] as string;
        expect(letters).toMatch(/^[a-z]{3,20}$/);
        expect(input['count']).toBe(String(letters.length));
        expect(input['letters_spaced']).toBe(letters.split('').join(' '));
        expect(input['letters_upper']).toBe(letters.toUpperCase());
        const oracle = [...(bySortedLetters.get(sortedLetters(letters)) ?? [])].sort();
        expect(gold.solutions).toEqual(oracle); // exactly the dictionary words with these letters
        expect(gold.solutions).toContain(gold.word);
        expect(gold.solutions).not.toContain(letters); // the scramble is no solution
        for (const s of gold.solutions) {
          expect(sortedLetters(s)).toBe(sortedLetters(letters));
          expect(lexicon.isWord(s)).toBe(true);
          expect(offensive.isOffensive(s)).toBe(false);
        }
        expect(offensive.containsOffensive(letters)).toBe(false);
        expect(difficulty['f_let']).toBe(letters.length);
        expect(difficulty['solutions']).toBe(gold.solutions.length);
        expect(difficulty['rarity']).toBeCloseTo(Math.log10(source['frequencyRank'] as number), 5);
        expect(source['word']).toBe(gold.word);
      }
    }), { numRuns: 60 });
  });

  it('gives distinct targets and distinct letter sets', () => {
    const drafts = generateAnagrams(Rng.fromSeed(11, 'anagram'), 5000, lexicon);
    expect(new Set(drafts.map((d) => d.gold.word)).size).toBe(5000);
    expect(new Set(drafts.map((d) => sortedLetters(d.input['letters'] as string))).size).toBe(5000);
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const a = generateAnagrams(Rng.fromSeed(42, 'anagram'), 300, lexicon);
    const b = generateAnagrams(Rng.fromSeed(42, 'anagram'), 300, lexicon);
    const c = generateAnagrams(Rng.fromSeed(43, 'anagram'), 300, lexicon);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.map((d) => d.gold.word)).not.toEqual(a.map((d) => d.gold.word));
  });

  it('spreads letter counts over 3–20', () => {
    const lengths = generateAnagrams(Rng.fromSeed(5, 'anagram'), 2000, lexicon).map((d) => d.difficulty['f_let'] as number);
    expect(Math.min(...lengths)).toBe(3);
    expect(Math.max(...lengths)).toBe(20);
    for (let n = 3; n <= 16; n++) expect(lengths.filter((l) => l === n).length, `length ${n}`).toBeGreaterThan(60);
  });

  it('returns every possible item, and no more, when asked for too many', () => {
    const all = generateAnagrams(Rng.fromSeed(1), 1_000_000, lexicon);
    expect(all).toHaveLength(lexicon.stats.targets);
    expect(generateAnagrams(Rng.fromSeed(1), 0, lexicon)).toEqual([]);
  });

  it('rejects a count that is not a whole number', () => {
    expect(() => generateAnagrams(Rng.fromSeed(1), -1, lexicon)).toThrow(ReliabenchError);
    expect(() => generateAnagrams(Rng.fromSeed(1), 2.5, lexicon)).toThrow(/whole number/);
  });

  it('skips a word whose every arrangement is a solution or offensive', () => {
    const tiny = buildLexicon({
      scowl: [{ dialect: 'english', level: 10, words: ['tea', 'eat', 'ate', 'eta', 'tae', 'moon'] }],
      subtlex: [{ word: 'tea', count: 9 }, { word: 'moon', count: 5 }],
      offensive: ['aet'], // the one arrangement of t-e-a that is not a word
    });
    const drafts = generateAnagrams(Rng.fromSeed(3), 5, tiny);
    expect(drafts.map((d) => d.gold.word)).toEqual(['moon']);
  });
});

describe('anagramDomain.generate', () => {
  it('covers at least 20 of the 30 difficulty bins at count 1000', async () => {
    const drafts = await anagramDomain.generate(Rng.fromSeed(2024, 'anagram'), { count: 1000 });
    const bins = new Set(drafts.map((d) => binOf(anagramDomain.calibrate(d.difficulty))));
    expect(bins.size).toBeGreaterThanOrEqual(20);
  });

  it('reports loading progress', async () => {
    const events: string[] = [];
    await anagramDomain.generate(Rng.fromSeed(1), { count: 3, onProgress: (e) => events.push(`${e.done}/${e.total}`) });
    expect(events).toEqual(['0/1', '1/1']);
  });
});
