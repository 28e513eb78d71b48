import { describe, expect, it } from 'vitest';
import { buildLexicon, loadLexicon, MAX_LETTERS, MIN_LETTERS } from './lexicon.js';
import type { WordSources } from './data-files.js';
import { sameLetters } from './letter-multiset.js';

/** A tiny hand-made world: SCOWL files by level, SUBTLEX entries most frequent first. */
const sources: WordSources = {
  scowl: [
    { dialect: 'english', level: 10, words: ['listen', 'silent', 'cat', 'act', 'dog', 'aaa', 'trek', 'Paris', "can't", 'heart'] },
    { dialect: 'american', level: 35, words: ['enlist', 'tinsel', 'vileness', 'earth'] },
    { dialect: 'british', level: 60, words: ['inlets', 'tac', 'rathe'] },
    { dialect: 'english', level: 70, words: ['hater', 'god', 'cat'] }, // "cat" again: counted once
  ],
  subtlex: [
    { word: 'Listen', count: 900 }, // capitalised in SUBTLEX: a possible proper noun, not a target
    { word: 'cat', count: 800 },
    { word: 'dog', count: 700 },
    { word: 'act', count: 600 }, // same letters as the more frequent "cat": no second target
    { word: 'silent', count: 500 },
    { word: 'tac', count: 400 }, // only in SCOWL 60: a solution, never a target
    { word: 'aaa', count: 300 }, // every arrangement is itself: unscramblable
    { word: 'heart', count: 200 }, // one solution, "hater", is offensive in this world
    { word: 'trek', count: 150 },
    { word: 'ab', count: 100 }, // too short
    { word: 'Paris', count: 50 },
  ],
  offensive: ['hater'],
};

describe('buildLexicon', () => {
  const lex = buildLexicon(sources);

  it('puts every lowercase a–z word of every size and dialect into the dictionary', () => {
    for (const w of ['listen', 'enlist', 'inlets', 'hater', 'tac', 'god']) expect(lex.isWord(w), w).toBe(true);
    expect(lex.isWord('Paris')).toBe(false);
    expect(lex.isWord("can't")).toBe(false);
    expect(lex.isWord('paris')).toBe(false);
    expect(lex.stats.dictionaryWords).toBe(17);
  });

  it('finds every solution of any arrangement in one lookup, sorted', () => {
    expect(lex.solutionsOf('tnslie')).toEqual(['enlist', 'inlets', 'listen', 'silent', 'tinsel']);
    expect(lex.solutionsOf('tca')).toEqual(['act', 'cat', 'tac']);
    expect(lex.solutionsOf('xyz')).toEqual([]);
    expect(lex.solutionsOf('T C A')).toEqual([]);
  });

  it('keeps one target per letter set, the most frequent eligible one, with its SUBTLEX rank', () => {
    const targets = lex.targetsByLength.flat();
    expect(targets.map((t) => t.word).sort()).toEqual(['cat', 'dog', 'silent', 'trek']);
    expect(targets.find((t) => t.word === 'cat')).toEqual({ word: 'cat', rank: 2, count: 800 });
    expect(lex.targetsByLength[6]?.map((t) => t.word)).toEqual(['silent']);
  });

  it('counts what it excluded', () => {
    expect(lex.stats.excludedOffensive).toBe(1); // heart (via hater)
    expect(lex.stats.excludedUnscramblable).toBe(1); // aaa
    expect(lex.stats.targets).toBe(4);
  });
});

describe('loadLexicon (the real word lists)', () => {
  it('loads once and shares the result', async () => {
    const [a, b] = await Promise.all([loadLexicon(), loadLexicon()]);
    expect(a).toBe(b);
  });

  it('has the documented sizes', async () => {
    const { stats } = await loadLexicon();
    expect(stats.dictionaryWords).toBeGreaterThan(110_000);
    expect(stats.commonWords).toBeGreaterThan(60_000);
    expect(stats.targets).toBeGreaterThan(40_000);
    expect(stats.excludedOffensive).toBeGreaterThan(100);
  });

  it('knows real anagram families and rare but real words', async () => {
    const lex = await loadLexicon();
    expect(lex.solutionsOf('listen')).toEqual(['enlist', 'inlets', 'listen', 'silent', 'tinsel']);
    expect(lex.isWord('aalii')).toBe(true); // SCOWL size 70
    expect(lex.isWord('colour') && lex.isWord('color')).toBe(true);
    expect(lex.isWord('qzxv')).toBe(false);
  });

  it('has targets only of 3–20 lowercase letters, each a dictionary word', async () => {
    const lex = await loadLexicon();
    const bad: string[] = [];
    lex.targetsByLength.forEach((list, letters) => {
      if ((letters < MIN_LETTERS || letters > MAX_LETTERS) && list.length > 0) bad.push(`length ${letters}`);
      for (const t of list) {
        const ok = /^[a-z]+$/.test(t.word) && t.word.length === letters && lex.isWord(t.word)
          && lex.solutionsOf(t.word).every((s) => sameLetters(s, t.word));
        if (!ok) bad.push(t.word);
      }
    });
    expect(bad).toEqual([]);
  });
});
