import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilson } from './wilson.js';

/**
 * Reference Wilson 95% intervals. 0/10 and 10/10 by hand: z = 1.959964, z² = 3.841459,
 * centre = (k + z²/2)/(n + z²), half = z/(n + z²)·√(k(n−k)/n + z²/4); for 0/10 that is
 * 1.920729/13.841459 = 0.138767 ± 0.138767 → [0, 0.277533]. The others were computed with the same
 * formula in Python/SciPy (norm.ppf(0.975)) and agree with R's prop.test(k, n, correct = FALSE).
 */
const REFERENCE: [k: number, n: number, low: number, high: number][] = [
  [0, 10, 0, 0.2775328],
  [1, 10, 0.01787621, 0.40415003],
  [3, 10, 0.10779127, 0.60322185],
  [5, 10, 0.23659309, 0.76340691],
  [10, 10, 0.7224672, 1],
  [0, 1, 0, 0.79345069],
  [1, 1, 0.20654931, 1],
  [7, 20, 0.18119182, 0.56714572],
  [0, 100, 0, 0.0369935],
  [50, 100, 0.40383153, 0.59616847],
  [99, 100, 0.9455138, 0.99823257],
];

describe('wilson', () => {
  it.each(REFERENCE)('%i/%i → [%f, %f]', (k, n, low, high) => {
    const e = wilson(k, n);
    expect(e.value).toBe(k / n);
    expect(e.low).toBeCloseTo(low, 7);
    expect(e.high).toBeCloseTo(high, 7);
  });

  it('is exactly 0 at k = 0 and exactly 1 at k = n', () => {
    expect(wilson(0, 37).low).toBe(0);
    expect(wilson(37, 37).high).toBe(1);
  });

  it('narrows with higher n and widens with higher confidence', () => {
    expect(wilson(50, 100).high - wilson(50, 100).low).toBeLessThan(wilson(5, 10).high - wilson(5, 10).low);
    expect(wilson(5, 10, 0.99).high).toBeGreaterThan(wilson(5, 10, 0.95).high);
  });

  it('rejects impossible counts', () => {
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(-1, 2)).toThrow(RangeError);
    expect(() => wilson(0, 0)).toThrow(RangeError);
    expect(() => wilson(1.5, 3)).toThrow(RangeError);
  });

  it('property: contains the point estimate and lies in [0, 1]', () => {
    const counts = fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(counts, fc.double({ min: 0.5, max: 0.999, noNaN: true }), ([k, n], conf) => {
        const e = wilson(k, n, conf);
        expect(e.low).toBeGreaterThanOrEqual(0);
        expect(e.high).toBeLessThanOrEqual(1);
        expect(e.low).toBeLessThanOrEqual(e.value);
        expect(e.high).toBeGreaterThanOrEqual(e.value);
      }),
    );
  });
});
