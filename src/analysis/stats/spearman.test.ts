import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageRanks, spearman, WeightedSpearman } from './spearman.js';

describe('averageRanks', () => {
  it('gives tied values the average of the ranks they span', () => {
    expect(Array.from(averageRanks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(averageRanks([5, 5, 5]))).toEqual([2, 2, 2]);
    expect(Array.from(averageRanks([3, 1, 2]))).toEqual([3, 1, 2]);
  });
});

describe('spearman', () => {
  it('hand-computed with ties in x: x=[1,2,2,3], y=[1,3,2,4] → 3/√10', () => {
    // ranks x [1,2.5,2.5,4], y [1,3,2,4], mean 2.5: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 4.5/√22.5.
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it('hand-computed with ties in both: x=[10,20,20,20,30], y=[1,1,2,3,3] → 1/√2', () => {
    // ranks x [1,3,3,3,5], y [1.5,1.5,3,4.5,4.5], mean 3: Σdxdy = 6, Σdx² = 8, Σdy² = 9 → 6/√72.
    expect(spearman([10, 20, 20, 20, 30], [1, 1, 2, 3, 3])).toBeCloseTo(1 / Math.sqrt(2), 12);
  });

  it('hand-computed negative: x=[1,2,3,4,5], y=[5,6,3,2,2] → −8.5/√95 = −0.872082 (SciPy spearmanr agrees)', () => {
    // ranks y [4,5,3,1.5,1.5]; dx [-2,-1,0,1,2], dy [1,2,0,-1.5,-1.5]: Σdxdy = -8.5, Σdx² = 10, Σdy² = 9.5.
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 3, 2, 2])).toBeCloseTo(-8.5 / Math.sqrt(95), 12);
  });

  it('is null when undefined: constant input or fewer than two values', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(spearman([1], [2])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });

  const pairs = fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })), { minLength: 2, maxLength: 40 });

  it('property: in [−1, 1] and invariant under strictly increasing transforms of either sample', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const x = ps.map((p) => p[0]);
        const y = ps.map((p) => p[1]);
        const rho = spearman(x, y);
        if (rho === null) return;
        expect(Math.abs(rho)).toBeLessThanOrEqual(1);
        expect(spearman(x.map((v) => Math.exp(v / 5)), y.map((v) => v ** 3 + 7))).toBeCloseTo(rho, 10);
        // A decreasing transform flips the sign.
        expect(spearman(x.map((v) => -v), y)).toBeCloseTo(-rho, 10);
      }),
    );
  });

  it('property: the weighted version equals the plain one on the expanded sample', () => {
    const weighted = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(weighted, (rows) => {
        const x = rows.map((r) => r[0]);
        const y = rows.map((r) => r[1]);
        const w = rows.map((r) => r[2]);
        const ex: number[] = [];
        const ey: number[] = [];
        rows.forEach((r) => { for (let c = 0; c < r[2]; c++) { ex.push(r[0]); ey.push(r[1]); } });
        const plain = spearman(ex, ey);
        const got = new WeightedSpearman(x, y).compute(w);
        if (plain === null) expect(got).toBeNaN();
        else expect(got).toBeCloseTo(plain, 10);
      }),
    );
  });
});
