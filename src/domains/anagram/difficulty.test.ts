import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anagramDifficulty, ANAGRAM_DIFFICULTY_FUNCTIONS, calibrateAnagram, RANK_CEILING, rarityFraction } from './difficulty.js';
import { anagramDomain } from './index.js';

const letters = fc.integer({ min: 3, max: 20 });
const rank = fc.integer({ min: 1, max: RANK_CEILING });
const calibrated = (n: number, r: number): number => calibrateAnagram(anagramDifficulty(n, r, 1));

describe('anagram difficulty', () => {
  it('lists f_let, the chosen function, among its candidates, each saying which way is harder', () => {
    expect(ANAGRAM_DIFFICULTY_FUNCTIONS.map((f) => f.name)).toEqual(['f_let', 'rarity', 'letters_x_rarity', 'solutions']);
    expect(anagramDomain.chosenDifficulty).toBe('f_let');
    for (const f of ANAGRAM_DIFFICULTY_FUNCTIONS) expect(f.description).toMatch(/harder|easier/);
  });

  it('computes the candidate values', () => {
    expect(anagramDifficulty(6, 1000, 5)).toEqual({ f_let: 6, rarity: 3, letters_x_rarity: 18, solutions: 5 });
    expect(anagramDifficulty(3, 1, 2)['rarity']).toBe(0);
  });

  it('keeps the tie-break fraction in [0, 1), rarer = larger', () => {
    fc.assert(fc.property(rank, rank, (a, b) => {
      const fa = rarityFraction(Math.log10(a));
      expect(fa).toBeGreaterThanOrEqual(0);
      expect(fa).toBeLessThan(1);
      if (a < b) expect(fa).toBeLessThanOrEqual(rarityFraction(Math.log10(b)));
    }));
    expect(rarityFraction(Math.log10(RANK_CEILING))).toBeLessThan(1);
  });

  it('maps onto 0–100, strictly increasing in f_let whatever the rarity', () => {
    fc.assert(fc.property(letters, letters, rank, rank, (n1, n2, r1, r2) => {
      const c1 = calibrated(n1, r1);
      expect(c1).toBeGreaterThanOrEqual(0);
      expect(c1).toBeLessThan(100);
      if (n1 < n2) expect(c1).toBeLessThan(calibrated(n2, r2));
      if (n1 === n2 && r1 <= r2) expect(c1).toBeLessThanOrEqual(calibrated(n2, r2));
    }), { numRuns: 1000 });
    expect(calibrated(3, 1)).toBe(0);
    expect(calibrated(20, RANK_CEILING)).toBeGreaterThan(99.9);
  });

  it('puts each letter count in its own 100/18-wide slice', () => {
    expect(calibrated(6, 1)).toBeCloseTo((100 * 3) / 18, 10);
    expect(calibrated(6, RANK_CEILING)).toBeLessThan((100 * 4) / 18);
  });

  it('depends only on the values given, and needs f_let', () => {
    expect(calibrateAnagram({ f_let: 10 })).toBeCloseTo((100 * 7) / 18, 10);
    expect(() => calibrateAnagram({ rarity: 2 })).toThrow(/f_let/);
  });
});
