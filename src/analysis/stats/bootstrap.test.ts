import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bootstrapStream, clusterBootstrap, percentileEstimate, resampleCounts } from './bootstrap.js';
import { DrawStream } from './draw-stream.js';
import { quantileSorted } from './quantile.js';
import { Rng } from '../../core/rng.js';

/** A toy clustered data set: 200 items, item j has trials[j] trials of which correct[j] are correct. */
const rng = Rng.fromSeed('bootstrap-test', 'data');
const trials = Array.from({ length: 200 }, () => rng.int(1, 15));
const correct = trials.map((t) => rng.int(0, t));
const share = (w: Int32Array | null): number => {
  let c = 0;
  let n = 0;
  for (let j = 0; j < trials.length; j++) {
    const m = w === null ? 1 : (w[j] as number);
    c += m * (correct[j] as number);
    n += m * (trials[j] as number);
  }
  return c / n;
};

describe('quantileSorted (type 7)', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.1)).toBeCloseTo(14, 12); // h = 0.4
    expect(quantileSorted([7], 0.3)).toBe(7);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });
});

describe('resampleCounts', () => {
  it('draws exactly n items in total', () => {
    const counts = new Int32Array(57);
    resampleCounts(bootstrapStream('1', 'x'), counts);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(57);
  });
});

describe('DrawStream', () => {
  it('matches the reference xoshiro128** outputs for the state (1, 2, 3, 4)', () => {
    // Reference: the authors' xoshiro128starstar.c seeded with {1,2,3,4}; recomputed independently in Python.
    const s = DrawStream.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => s.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('below(n) is uniform on [0, n): every value about equally often', () => {
    const s = bootstrapStream('uniform', 'test');
    const seen = new Int32Array(7);
    for (let k = 0; k < 70_000; k++) { const v = s.below(7); seen[v] = (seen[v] as number) + 1; }
    // Expected 10,000 each; sd ≈ 93, so ±500 is over 5 sd.
    for (const c of seen) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('resample(counts) makes exactly the draws of counts.length calls to below(counts.length)', () => {
    for (const n of [1, 2, 7, 1000, 4097]) {
      const fast = bootstrapStream('resample', `n${n}`);
      const slow = bootstrapStream('resample', `n${n}`);
      const counts = new Int32Array(n).fill(9); // resample zeroes it first
      for (let replicate = 0; replicate < 3; replicate++) {
        fast.resample(counts);
        const expected = new Int32Array(n);
        for (let d = 0; d < n; d++) { const j = slow.below(n); expected[j] = (expected[j] as number) + 1; }
        expect(Array.from(counts)).toEqual(Array.from(expected));
      }
      // …and leaves the stream in the same state.
      expect(fast.nextUint32()).toBe(slow.nextUint32());
    }
  });
});

describe('clusterBootstrap', () => {
  const options = { samples: 400, seed: 'seed-a', label: 'toy' };

  it('is reproducible: the same seed gives an identical interval', () => {
    expect(clusterBootstrap(200, share, options)).toEqual(clusterBootstrap(200, share, options));
  });

  it('a different seed or label gives a different interval', () => {
    const a = clusterBootstrap(200, share, options);
    expect(clusterBootstrap(200, share, { ...options, seed: 'seed-b' })).not.toEqual(a);
    expect(clusterBootstrap(200, share, { ...options, label: 'other' })).not.toEqual(a);
  });

  it('the point estimate is the statistic on the data; the interval is sensible for a share', () => {
    const e = clusterBootstrap(200, share, options);
    expect(e.value).toBe(share(null));
    expect(e.low).toBeLessThan(e.value);
    expect(e.high).toBeGreaterThan(e.value);
    // Item-level resampling of ~1,600 trials: the 95% interval is a few points wide, not zero, not huge.
    expect(e.high - e.low).toBeGreaterThan(0.02);
    expect(e.high - e.low).toBeLessThan(0.2);
  });

  it('is wider than a naive trial-level interval when items differ (clustering matters)', () => {
    // Every item all-correct or all-wrong with 15 trials: the effective sample is 200 items, not 3,000 trials.
    const n = 200;
    const allOrNothing = (w: Int32Array | null): number => {
      let c = 0;
      let t = 0;
      for (let j = 0; j < n; j++) { const m = w === null ? 1 : (w[j] as number); c += m * (j % 2) * 15; t += m * 15; }
      return c / t;
    };
    const e = clusterBootstrap(n, allOrNothing, { samples: 1000, seed: 's', label: 'l' });
    const naiveHalfWidth = 1.96 * Math.sqrt(0.25 / (n * 15));
    expect((e.high - e.low) / 2).toBeGreaterThan(2.5 * naiveHalfWidth);
  });
});

describe('percentileEstimate', () => {
  it('drops undefined replicates and widens to include the point estimate', () => {
    const e = percentileEstimate(0.9, [Number.NaN, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(e.low).toBeCloseTo(0.11, 12);
    expect(e.high).toBe(0.9);
  });

  it('zero-width when no replicate is defined', () => {
    expect(percentileEstimate(0.3, [Number.NaN])).toEqual({ value: 0.3, low: 0.3, high: 0.3 });
  });

  it('property: low ≤ value ≤ high', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 50 }), (v, reps) => {
        const e = percentileEstimate(v, reps);
        expect(e.low).toBeLessThanOrEqual(v);
        expect(e.high).toBeGreaterThanOrEqual(v);
      }),
    );
  });
});
