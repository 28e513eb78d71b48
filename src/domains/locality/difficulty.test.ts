import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calibrateLocality, localityDifficulty } from './difficulty.js';

describe('calibrateLocality', () => {
  it('maps log10 population 7.4 → 0 and 3 → 100, linearly, clamped', () => {
    expect(calibrateLocality({ f_pop: -7.4 })).toBeCloseTo(0, 9);
    expect(calibrateLocality({ f_pop: -3 })).toBeCloseTo(100, 9);
    expect(calibrateLocality({ f_pop: -5.2 })).toBeCloseTo(50, 9);
    expect(calibrateLocality({ f_pop: -9 })).toBe(0);
    expect(calibrateLocality({ f_pop: -2 })).toBe(100);
  });

  it('is non-decreasing in f_pop and ignores the other values', () => {
    const f = fc.double({ min: -9, max: -1, noNaN: true });
    fc.assert(
      fc.property(f, f, fc.double({ min: 0, max: 500, noNaN: true }), (a, b, r) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(calibrateLocality({ f_pop: lo, radius_km: r })).toBeLessThanOrEqual(calibrateLocality({ f_pop: hi }));
      }),
    );
  });

  it('refuses values without f_pop', () => {
    expect(() => calibrateLocality({ radius_km: 10 })).toThrow(/f_pop/);
  });
});

describe('localityDifficulty', () => {
  it('computes every candidate', () => {
    expect(localityDifficulty({ anchorPopulation: 100_000, anchorRank: 1000, radiusKm: 50, goldCount: 10, topAnswerPopulation: 1_000_000 })).toEqual({
      f_pop: -5,
      log_pop_rank: 3,
      radius_km: 50,
      log_gold_count: 1,
      log_top_answer_pop: 6,
    });
  });
});
