import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  calibrateScience,
  countWords,
  difficultyValues,
  F_HUM_LEVELS,
  MMLU_SUBJECTS,
  MMLU_SUBJECT_TIERS,
  withinLevelFraction,
} from './difficulty-scale.js';

describe('the f_hum scale', () => {
  it('has 17 levels: ARC-Easy 3–9, ARC-Challenge 3.5–9.5, MMLU 10 / 11.5 / 14', () => {
    expect(F_HUM_LEVELS).toEqual([3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10, 11.5, 14]);
  });

  it('gives each of the 12 MMLU subjects a tier', () => {
    expect(MMLU_SUBJECTS).toHaveLength(12);
    const count = (tier: string): number => Object.values(MMLU_SUBJECT_TIERS).filter((t) => t === tier).length;
    expect([count('conceptual'), count('high-school'), count('college')]).toEqual([2, 3, 7]);
  });

  it('computes every candidate value of a question', () => {
    expect(difficultyValues({ bank: 'ARC-Challenge', grade: 8, stem: 'Which gas do plants take in?' })).toMatchObject({
      f_hum: 8.5,
      grade_level: 8,
      source_tier: 1,
      question_words: 6,
    });
    expect(difficultyValues({ bank: 'MMLU', subject: 'high_school_physics', stem: 'x' })).toMatchObject({
      f_hum: 11.5,
      grade_level: 11.5,
      source_tier: 3,
    });
    expect(difficultyValues({ bank: 'MMLU', subject: 'virology', stem: 'x' }).f_hum).toBe(14);
  });

  it('puts the within-level fraction in [0, 1), one half at 17 words (the median stem)', () => {
    expect(withinLevelFraction(0)).toBe(0);
    expect(withinLevelFraction(17)).toBeCloseTo(0.5, 2);
    expect(withinLevelFraction(1e6)).toBeLessThan(1);
  });
});

describe('countWords', () => {
  it('counts what splitting on \\s would count', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '\t', '\u00a0', '\u2003', '\ufeff', '-'), maxLength: 30 });
    fc.assert(
      fc.property(text, (s) => {
        expect(countWords(s)).toBe(s.split(/\s+/).filter((w) => w.length > 0).length);
      }),
    );
  });
});

describe('calibrateScience', () => {
  const level = fc.constantFrom(...F_HUM_LEVELS);
  const anyF = fc.oneof(level, fc.double({ min: 0, max: 20, noNaN: true }));
  const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

  it('is non-decreasing in f_hum whatever the tie-break, and stays in [0, 100]', () => {
    fc.assert(
      fc.property(anyF, frac, anyF, frac, (f1, w1, f2, w2) => {
        const c1 = calibrateScience({ f_hum: f1, within_level: w1 });
        const c2 = calibrateScience({ f_hum: f2, within_level: w2 });
        for (const c of [c1, c2]) expect(c >= 0 && c <= 100).toBe(true);
        if (f1 < f2) expect(c1).toBeLessThanOrEqual(c2);
        if (f1 === f2 && w1 < w2) expect(c1).toBeLessThanOrEqual(c2);
      }),
    );
  });

  it('gives each level an equal slice of the axis and places the item inside it', () => {
    expect(calibrateScience({ f_hum: 3, within_level: 0 })).toBe(0);
    expect(calibrateScience({ f_hum: 3.5, within_level: 0 })).toBeCloseTo(100 / 17);
    expect(calibrateScience({ f_hum: 14, within_level: 0.5 })).toBeCloseTo((100 * 16.5) / 17);
    expect(calibrateScience({ f_hum: 12, within_level: 0.9 })).toBeCloseTo((100 * 16) / 17); // between levels
  });

  it('depends only on the values it is given', () => {
    const values = { f_hum: 7.5, within_level: 0.3, grade_level: 7, source_tier: 1, question_words: 9 };
    expect(calibrateScience(values)).toBe(calibrateScience({ ...values }));
    expect(() => calibrateScience({ grade_level: 5 })).toThrow(/f_hum/);
  });
});
