import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clopperPearson, clopperPearsonLower, clopperPearsonUpper } from './clopper-pearson.js';

/**
 * Reference Clopper–Pearson 95% two-sided intervals. 0/10 and 10/10 by hand from the closed forms
 * (upper at k = 0 is 1 − 0.025^(1/10) = 0.308497; lower at k = n is 0.025^(1/10) = 0.691503). The
 * others are SciPy's beta.ppf(0.025, k, n−k+1) and beta.ppf(0.975, k+1, n−k), the same values as R's
 * binom.test(k, n)$conf.int (e.g. 5/10 → [0.187086, 0.812914], a common textbook table entry).
 */
const TWO_SIDED: [k: number, n: number, low: number, high: number][] = [
  [0, 10, 0, 0.30849711],
  [1, 10, 0.00252858, 0.44501612],
  [3, 10, 0.06673951, 0.65245285],
  [5, 10, 0.18708603, 0.81291397],
  [10, 10, 0.69150289, 1],
  [0, 1, 0, 0.975],
  [1, 1, 0.025, 1],
  [7, 20, 0.1539092, 0.59218853],
  [0, 100, 0, 0.03621669],
  [50, 100, 0.39832113, 0.60167887],
  [99, 100, 0.94554061, 0.99974685],
  [1, 3, 0.00840376, 0.90570068],
];

/** One-sided 95% bounds (SciPy beta.ppf(0.95, k+1, n−k) and beta.ppf(0.05, k, n−k+1)); 0/n upper = 1 − 0.05^(1/n). */
const ONE_SIDED: [k: number, n: number, upper: number, lower: number][] = [
  [0, 10, 0.25886555, 0],
  [0, 100, 0.02951305, 0],
  [2, 100, 0.0616192, 0.00356515],
  [10, 200, 0.08333515, 0.02737425],
  [5, 5, 1, 0.54928027],
  [0, 300, 0.00993608, 0],
];

/** P(X ≤ k) for X ~ Binomial(n, p), summed term by term in log space: an independent check of the beta route. */
function binomCdf(k: number, n: number, p: number): number {
  let total = 0;
  let logC = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log((n - i + 1) / i);
    total += Math.exp(logC + i * Math.log(p) + (n - i) * Math.log1p(-p));
  }
  return Math.min(1, total);
}

describe('clopperPearson', () => {
  it.each(TWO_SIDED)('%i/%i → [%f, %f]', (k, n, low, high) => {
    const e = clopperPearson(k, n);
    expect(e.value).toBe(k / n);
    expect(e.low).toBeCloseTo(low, 7);
    expect(e.high).toBeCloseTo(high, 7);
  });

  it.each(ONE_SIDED)('one-sided 95%%: %i/%i → upper %f, lower %f', (k, n, upper, lower) => {
    expect(clopperPearsonUpper(k, n, 0.95)).toBeCloseTo(upper, 7);
    expect(clopperPearsonLower(k, n, 0.95)).toBeCloseTo(lower, 7);
  });

  it('the upper bound solves P(X ≤ k | p = bound) = 1 − confidence (checked against a direct binomial sum)', () => {
    for (const [k, n] of [[1, 10], [3, 10], [7, 20], [12, 250], [40, 1000]] as const) {
      const u = clopperPearsonUpper(k, n, 0.95);
      expect(binomCdf(k, n, u)).toBeCloseTo(0.05, 8);
    }
  });

  it('is wider than Wilson-style approximations would need at small n: 0/10 upper is above 0.3', () => {
    expect(clopperPearson(0, 10).high).toBeGreaterThan(0.3);
  });

  it('handles n = 0 one-sided (nothing known: [0, 1]) and rejects impossible counts', () => {
    expect(clopperPearsonUpper(0, 0)).toBe(1);
    expect(clopperPearsonLower(0, 0)).toBe(0);
    expect(() => clopperPearson(0, 0)).toThrow(RangeError);
    expect(() => clopperPearsonUpper(5, 4)).toThrow(RangeError);
    expect(() => clopperPearsonUpper(1, 4, 1)).toThrow(RangeError);
  });

  const counts = fc.integer({ min: 1, max: 50_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('property: contains the point estimate, lies in [0, 1], and contains the Wilson-free one-sided bounds', () => {
    fc.assert(
      fc.property(counts, ([k, n]) => {
        const e = clopperPearson(k, n);
        expect(e.low).toBeGreaterThanOrEqual(0);
        expect(e.high).toBeLessThanOrEqual(1);
        expect(e.low).toBeLessThanOrEqual(e.value);
        expect(e.high).toBeGreaterThanOrEqual(e.value);
        // A one-sided 95% bound is tighter than the two-sided 95% one (each tail 2.5%).
        expect(clopperPearsonUpper(k, n, 0.95)).toBeLessThanOrEqual(e.high + 1e-12);
        expect(clopperPearsonLower(k, n, 0.95)).toBeGreaterThanOrEqual(e.low - 1e-12);
      }),
    );
  });

  it('property: the upper bound grows with k and shrinks with n', () => {
    fc.assert(
      fc.property(counts, ([k, n]) => {
        if (k < n) expect(clopperPearsonUpper(k + 1, n)).toBeGreaterThan(clopperPearsonUpper(k, n));
        expect(clopperPearsonUpper(k, n + 1)).toBeLessThan(clopperPearsonUpper(k, n));
      }),
    );
  });
});
