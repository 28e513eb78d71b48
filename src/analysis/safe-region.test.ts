import { describe, expect, it } from 'vitest';
import { safeRegion, scanSafeRegion } from './safe-region.js';
import { BIN_COUNT } from '../core/item.js';

/** counts[bin · 3 + outcome] from {bin: [correct, avoidant, incorrect]}. */
function counts(bins: Record<number, [number, number, number]>): Int32Array {
  const out = new Int32Array(BIN_COUNT * 3);
  for (const [bin, [c, a, i]] of Object.entries(bins)) out.set([c, a, i], Number(bin) * 3);
  return out;
}

describe('safeRegion', () => {
  it('hand-worked: stops at the first bin edge whose cumulative upper bound reaches ε', () => {
    // bin 0: 0/100 wrong → upper 1 − 0.05^(1/100) = 0.029513 < 0.05;
    // bins 0–1: 2/200 → upper 0.031143 (SciPy beta.ppf(.95, 3, 198)) < 0.05;
    // bins 0–2: 22/300 → upper 0.103061 ≥ 0.05, and lower 0.050165 ≥ 0.05 → exceedsFrom = 10.
    const r = safeRegion(counts({ 0: [100, 0, 0], 1: [90, 8, 2], 2: [70, 10, 20] }), 0.05, 0.05);
    expect(r.maxDifficulty).toBeCloseTo(200 / 30, 12);
    expect(r.bin).toBe(1);
    expect(r.upperBound).toBeCloseTo(0.0311426, 6);
    expect(r.exceedsFrom).toBeCloseTo(10, 12);
  });

  it('is "none" (null) when the easiest non-empty bin already fails, with that bin\'s bound', () => {
    // 0/10 → upper 0.258866 ≥ 0.05, even though the cumulative bound later falls below ε.
    const r = safeRegion(counts({ 3: [10, 0, 0], 4: [1000, 0, 0] }), 0.05, 0.05);
    expect(r.maxDifficulty).toBeNull();
    expect(r.bin).toBeNull();
    expect(r.upperBound).toBeCloseTo(0.25886555, 6);
    expect(r.exceedsFrom).toBeNull();
  });

  it('skips empty bins: d* is an edge of a bin with data', () => {
    const r = safeRegion(counts({ 0: [300, 0, 0], 5: [300, 0, 0] }), 0.05, 0.05);
    expect(r.bin).toBe(5);
    expect(r.maxDifficulty).toBeCloseTo(20, 12);
  });

  it('reaches 100 when every bin passes; no trials → none with bound 1', () => {
    const all: Record<number, [number, number, number]> = {};
    for (let b = 0; b < BIN_COUNT; b++) all[b] = [100, 0, 0];
    expect(safeRegion(counts(all), 0.05, 0.05).maxDifficulty).toBe(100);
    expect(safeRegion(counts({}), 0.05, 0.05)).toMatchObject({ maxDifficulty: null, upperBound: 1, exceedsFrom: null });
  });

  it('a stricter alpha or epsilon never enlarges the region', () => {
    const c = counts({ 0: [200, 0, 2], 1: [200, 0, 6], 2: [200, 0, 10], 3: [200, 0, 20], 4: [200, 0, 60] });
    const base = safeRegion(c, 0.05, 0.05).maxDifficulty ?? 0;
    expect(base).toBeCloseTo(10, 12); // cumulative 18/618 passes, 38/838 (upper ≈ 0.059) fails
    expect(safeRegion(c, 0.05, 0.01).maxDifficulty ?? 0).toBeLessThanOrEqual(base);
    expect(safeRegion(c, 0.02, 0.05).maxDifficulty ?? 0).toBeLessThanOrEqual(base);
    expect(safeRegion(c, 0.2, 0.05).maxDifficulty ?? 0).toBeGreaterThan(base);
  });

  it('rejects settings outside (0, 1)', () => {
    expect(() => safeRegion(counts({}), 0, 0.05)).toThrow(RangeError);
    expect(() => scanSafeRegion([], 0.05, 1)).toThrow(RangeError);
  });
});
