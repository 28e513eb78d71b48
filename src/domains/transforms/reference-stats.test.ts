import { describe, expect, it } from 'vitest';
import { REFERENCE } from './difficulty.js';
import { computeReferenceStats } from './reference-stats.js';

describe('reference constants for f_wl', () => {
  it('match a fresh derivation from 20,000 items with seed "reference" (regenerate them if a generator changes)', () => {
    const fresh = computeReferenceStats();
    for (const name of ['input_words', 'output_words', 'levenshtein'] as const) {
      expect(Math.abs(fresh[name].mean - REFERENCE[name].mean)).toBeLessThan(0.0006);
      expect(Math.abs(fresh[name].sd - REFERENCE[name].sd)).toBeLessThan(0.0006);
    }
    expect(Math.abs(fresh.f_wl_sd - REFERENCE.f_wl_sd)).toBeLessThan(0.0006);
  });
});
