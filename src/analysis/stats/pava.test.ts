import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pava } from './pava.js';

describe('pava', () => {
  // Reference fits worked out by hand: pool each violating pair/run into its weighted mean.
  it('pools a single violation: [1,3,2,4] → [1,2.5,2.5,4]', () => {
    expect(pava([1, 3, 2, 4])).toEqual([1, 2.5, 2.5, 4]);
  });

  it('pools a run that needs several passes: [3,2,1] → [2,2,2]; [1,4,3,2,5] → [1,3,3,3,5]', () => {
    expect(pava([3, 2, 1])).toEqual([2, 2, 2]);
    expect(pava([1, 4, 3, 2, 5])).toEqual([1, 3, 3, 3, 5]);
  });

  it('pools backwards when a new value undercuts a pooled block: [1,5,4,0] → [1,3,3,3]', () => {
    // [5,4] pools to 4.5; then 0 < 4.5 pools to (5+4+0)/3 = 3; 3 > 1 so it stops.
    expect(pava([1, 5, 4, 0])).toEqual([1, 3, 3, 3]);
  });

  it('uses weights: [1,3,2,4] with weights [1,1,3,1] pools 3 and 2 to (3+6)/4 = 2.25', () => {
    expect(pava([1, 3, 2, 4], [1, 1, 3, 1])).toEqual([1, 2.25, 2.25, 4]);
  });

  it('weighted pooling of three: [10,0,5] weights [2,1,1] → (20+0+5)/4 = 6.25 for all', () => {
    // [10,0] pools to 20/3 ≈ 6.667; then 5 < 6.667 pools to 25/4 = 6.25.
    expect(pava([10, 0, 5], [2, 1, 1])).toEqual([6.25, 6.25, 6.25]);
  });

  it('leaves an already monotone sequence alone, and handles empty and single inputs', () => {
    expect(pava([0, 0, 1, 7])).toEqual([0, 0, 1, 7]);
    expect(pava([])).toEqual([]);
    expect(pava([42])).toEqual([42]);
  });

  it('rejects non-positive weights and mismatched lengths', () => {
    expect(() => pava([1, 2], [1, 0])).toThrow(RangeError);
    expect(() => pava([1, 2], [1])).toThrow(RangeError);
    expect(() => pava([Number.NaN])).toThrow(RangeError);
  });

  const input = fc
    .array(fc.tuple(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: 1, maxLength: 60 })
    .map((pairs) => ({ y: pairs.map((p) => p[0]), w: pairs.map((p) => p[1]) }));

  it('property: output is non-decreasing and preserves the weighted mean', () => {
    fc.assert(
      fc.property(input, ({ y, w }) => {
        const f = pava(y, w);
        for (let i = 1; i < f.length; i++) expect(f[i] as number).toBeGreaterThanOrEqual((f[i - 1] as number) - 1e-9);
        const total = w.reduce((s, x) => s + x, 0);
        const meanIn = y.reduce((s, v, i) => s + v * (w[i] as number), 0) / total;
        const meanOut = f.reduce((s, v, i) => s + v * (w[i] as number), 0) / total;
        expect(meanOut).toBeCloseTo(meanIn, 6);
      }),
    );
  });

  it('property: no other monotone sequence among small perturbations fits better (least squares)', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 59 }), fc.double({ min: -1, max: 1, noNaN: true }), ({ y, w }, at, delta) => {
        const f = pava(y, w);
        const sse = (g: number[]): number => g.reduce((s, v, i) => s + (w[i] as number) * (v - (y[i] as number)) ** 2, 0);
        // Shift the whole block containing `at` by delta: still monotone for a small enough delta only
        // if it stays between neighbours, so clamp to keep g monotone, then compare fits.
        const i = at % f.length;
        const g = f.slice();
        const v = f[i] as number;
        const lo = i > 0 ? Math.max(...f.slice(0, i).filter((x) => x < v), -Infinity) : -Infinity;
        const hi = Math.min(...f.slice(i + 1).filter((x) => x > v), Infinity);
        const shifted = Math.min(hi, Math.max(lo, v + delta));
        for (let j = 0; j < g.length; j++) if (g[j] === v) g[j] = shifted;
        expect(sse(g)).toBeGreaterThanOrEqual(sse(f) - 1e-6 * (1 + sse(f)));
      }),
    );
  });
});
