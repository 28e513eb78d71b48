import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIN_COUNT, binOf } from '../../core/item.js';
import { Rng } from '../../core/rng.js';
import { calibrateTransforms, countWords, difficultyValues, levenshtein, REFERENCE } from './difficulty.js';
import { transformsDomain } from './index.js';

/** Textbook O(n·m) dynamic programme, to check the prefix/suffix-stripping wrapper. */
function naiveLevenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

describe('transforms difficulty', () => {
  it('counts words as letter/digit runs', () => {
    expect(countWords('2021-03-05')).toBe(3);
    expect(countWords('[{"name":"Ada Lovelace","age":36}]')).toBe(5);
    expect(countWords('  -$1,234.50 € ')).toBe(3);
    expect(countWords('')).toBe(0);
    expect(countWords('café Zürich')).toBe(2);
  });

  it('levenshtein equals the textbook distance', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (a, b) => {
        expect(levenshtein(a, b)).toBe(naiveLevenshtein(a, b));
      }),
    );
    expect(levenshtein('apple\nbanana\ncherry', 'apple\ncherry')).toBe(7);
  });

  it('f_wl is the mean of the three z-scored logs with the fixed constants', () => {
    const v = difficultyValues('March 5, 2021\n05/03/2021', '2021-03-05\n2021-03-05');
    const z = (x: number, r: { mean: number; sd: number }): number => (Math.log1p(x) - r.mean) / r.sd;
    const expected = (z(v.input_words as number, REFERENCE.input_words) + z(v.output_words as number, REFERENCE.output_words) + z(v.levenshtein as number, REFERENCE.levenshtein)) / 3;
    expect(v.f_wl).toBeCloseTo(expected, 12);
    expect(v.input_words).toBe(6);
    expect(v.output_words).toBe(6);
  });

  it('an item\'s difficulty depends only on the item', () => {
    const data = 'Lovelace, Ada\nTuring, Alan';
    const output = 'Ada Lovelace\nAlan Turing';
    expect(difficultyValues(data, output)).toEqual(difficultyValues(data, output));
  });

  it('calibration is strictly increasing, 0–100, and 50 at f_wl = 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const cl = calibrateTransforms({ f_wl: lo });
        const ch = calibrateTransforms({ f_wl: hi });
        expect(cl).toBeGreaterThanOrEqual(0);
        expect(ch).toBeLessThanOrEqual(100);
        if (hi - lo > 1e-9) expect(ch).toBeGreaterThan(cl);
      }),
    );
    expect(calibrateTransforms({ f_wl: 0 })).toBe(50);
    expect(() => calibrateTransforms({ input_words: 3 })).toThrow(/f_wl/);
  });

  it('1000 generated items cover at least 20 of the 30 bins', async () => {
    const drafts = await transformsDomain.generate(Rng.fromSeed(11, 'transforms'), { count: 1000 });
    const bins = new Set(drafts.map((d) => binOf(transformsDomain.calibrate(d.difficulty))));
    expect(bins.size).toBeGreaterThanOrEqual(20);
    expect(bins.size).toBeLessThanOrEqual(BIN_COUNT);
  });
});
