import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAnagram, normaliseAnswer } from './check.js';
import type { AnagramGold } from './generate.js';
import type { Item } from '../../core/item.js';

const listen: Item<AnagramGold> = {
  id: 'anagram-0000000000000000',
  domain: 'anagram',
  input: { letters: 'tnslie', letters_spaced: 't n s l i e', letters_upper: 'TNSLIE', count: '6' },
  gold: { word: 'listen', solutions: ['enlist', 'inlets', 'listen', 'silent', 'tinsel'] },
  difficulty: { values: { f_let: 6 }, chosen: 'f_let', calibrated: 20, bin: 6 },
  source: { word: 'listen', frequencyRank: 300, frequencyCount: 20000 },
};

describe('checkAnagram', () => {
  it('accepts every valid solution, not only the target', () => {
    for (const w of ['listen', 'silent', 'enlist', 'tinsel', 'inlets']) expect(checkAnagram(listen, w), w).toBe(true);
  });

  it('tolerates case, whitespace, quotes and surrounding punctuation', () => {
    for (const answer of ['Silent', ' SILENT\n', '"silent"', "'tinsel'.", '“Enlist”', '**listen**', '`silent`', 'silent!', '(inlets)', 'ｓｉｌｅｎｔ']) {
      expect(checkAnagram(listen, answer), answer).toBe(true);
    }
  });

  it('accepts noisy valid answers generated at random', () => {
    const noise = fc.stringMatching(/^[\s"'“”‘’.,!?*`()]{0,4}$/);
    fc.assert(fc.property(fc.constantFrom(...listen.gold.solutions), noise, noise, fc.boolean(), (word, pre, post, upper) => {
      expect(checkAnagram(listen, pre + (upper ? word.toUpperCase() : word) + post)).toBe(true);
    }), { numRuns: 300 });
  });

  it('rejects non-words, the scramble, partial and extra letters, and empty answers', () => {
    for (const answer of ['tnslie', 'lisent', 'listens', 'liste', 'glisten', 'silent night', 's i l e n t', '', '   ', '""', '1. silent']) {
      expect(checkAnagram(listen, answer), answer).toBe(false);
    }
  });
});

describe('normaliseAnswer', () => {
  it('keeps inner characters and strips only the edges', () => {
    expect(normaliseAnswer('  "Don\'t."  ')).toBe("don't");
    expect(normaliseAnswer('...')).toBe('');
  });
});
