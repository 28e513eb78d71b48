import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distinctArrangements, isLowerAlpha, letterKey, sameLetters, sortedLetters } from './letter-multiset.js';
import { Rng } from '../../core/rng.js';

const lowerWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 20 });

/** Every distinct arrangement, by brute force (for short strings only). */
function arrangements(word: string): Set<string> {
  if (word.length <= 1) return new Set([word]);
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    for (const rest of arrangements(word.slice(0, i) + word.slice(i + 1))) out.add(word[i] + rest);
  }
  return out;
}

describe('letter multisets', () => {
  it('accepts only lowercase a–z words', () => {
    expect(isLowerAlpha('listen')).toBe(true);
    expect(isLowerAlpha('')).toBe(false);
    expect(isLowerAlpha('Listen')).toBe(false);
    expect(isLowerAlpha("don't")).toBe(false);
    expect(isLowerAlpha('café')).toBe(false);
  });

  it('gives every arrangement of a word the same key and says they have the same letters', () => {
    fc.assert(fc.property(lowerWord, fc.integer(), (word, seed) => {
      const shuffled = Rng.fromSeed(seed).shuffle([...word]).join('');
      expect(letterKey(shuffled)).toBe(letterKey(word));
      expect(sameLetters(shuffled, word)).toBe(true);
    }), { numRuns: 300 });
  });

  it('agrees with comparing sorted letters', () => {
    fc.assert(fc.property(lowerWord, lowerWord, (a, b) => {
      expect(sameLetters(a, b)).toBe(sortedLetters(a) === sortedLetters(b));
    }), { numRuns: 500 });
    expect(sameLetters('listen', 'silent')).toBe(true);
    expect(sameLetters('listen', 'listens')).toBe(false);
    expect(sameLetters('aab', 'abb')).toBe(false);
  });

  it('gives different keys to the letter sets of real anagram neighbours', () => {
    expect(letterKey('listen')).not.toBe(letterKey('listed'));
    expect(letterKey('aab')).not.toBe(letterKey('abb'));
  });

  it('counts distinct arrangements like brute-force enumeration', () => {
    const short = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 7 });
    fc.assert(fc.property(short, (word) => {
      expect(distinctArrangements(word)).toBe(arrangements(word).size);
    }), { numRuns: 200 });
    expect(distinctArrangements('aaaa')).toBe(1);
    expect(distinctArrangements('mississippi')).toBe(34650);
    expect(distinctArrangements('abcdefghijklmnopqrst')).toBe(Number.POSITIVE_INFINITY); // 20! > 2^53
  });
});
