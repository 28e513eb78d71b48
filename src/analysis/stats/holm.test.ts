import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holmAdjust } from './holm.js';

describe('holmAdjust', () => {
  it('matches a hand-worked example', () => {
    // Sorted: 0.01 (×4 = 0.04), 0.02 (×3 = 0.06), 0.03 (×2 = 0.06), 0.04 (×1 = 0.04 → running max 0.06).
    const adjusted = holmAdjust([0.03, 0.01, 0.04, 0.02]);
    expect(adjusted[0]).toBeCloseTo(0.06, 12);
    expect(adjusted[1]).toBeCloseTo(0.04, 12);
    expect(adjusted[2]).toBeCloseTo(0.06, 12);
    expect(adjusted[3]).toBeCloseTo(0.06, 12);
  });

  it('caps at 1 and leaves a single test unchanged', () => {
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjust([0.2])).toEqual([0.2]);
    expect(holmAdjust([])).toEqual([]);
  });

  it('property: adjusted ≥ raw, ≤ Bonferroni, in [0,1], and in the same order as the raw p-values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), (ps) => {
        const adj = holmAdjust(ps);
        ps.forEach((p, i) => {
          expect(adj[i] as number).toBeGreaterThanOrEqual(p);
          expect(adj[i] as number).toBeLessThanOrEqual(Math.min(1, p * ps.length));
        });
        ps.forEach((p, i) => ps.forEach((q, j) => { if (p < q) expect(adj[i] as number).toBeLessThanOrEqual(adj[j] as number); }));
      }),
    );
  });
});
