import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../core/rng.js';
import { stratifiedSample } from './stratified-sample.js';

/** Items 0..n-1 whose level is given by `sizes`: level k has sizes[k] items. */
function itemsWithLevels(sizes: number[]): { id: number; level: number }[] {
  return sizes.flatMap((size, level) => Array.from({ length: size }, () => level)).map((level, id) => ({ id, level }));
}

describe('stratifiedSample', () => {
  it('returns count distinct items with levels as even as the level sizes allow', () => {
    const items = itemsWithLevels([5, 100, 300, 40, 1000]);
    const picked = stratifiedSample(Rng.fromSeed(1), items, (i) => i.level, 200);
    expect(picked).toHaveLength(200);
    expect(new Set(picked.map((i) => i.id)).size).toBe(200);
    const perLevel = [0, 1, 2, 3, 4].map((l) => picked.filter((i) => i.level === l).length);
    // the two small levels give all they have; the other three share the remaining 155 evenly
    expect([perLevel[0], perLevel[3]]).toEqual([5, 40]);
    const big = [perLevel[1], perLevel[2], perLevel[4]] as number[];
    expect(big.reduce((a, b) => a + b, 0)).toBe(155);
    expect(Math.max(...big) - Math.min(...big)).toBeLessThanOrEqual(1);
  });

  it('is deterministic for the seed and returns everything when count reaches the size', () => {
    const items = itemsWithLevels([10, 20, 30]);
    const a = stratifiedSample(Rng.fromSeed(9), items, (i) => i.level, 25).map((i) => i.id);
    const b = stratifiedSample(Rng.fromSeed(9), items, (i) => i.level, 25).map((i) => i.id);
    expect(a).toEqual(b);
    expect(stratifiedSample(Rng.fromSeed(9), items, (i) => i.level, 999)).toHaveLength(60);
    expect(stratifiedSample(Rng.fromSeed(9), items, (i) => i.level, 0)).toEqual([]);
  });

  it('always returns min(count, size) distinct items (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 8 }), fc.nat(200), fc.nat(), (sizes, count, seed) => {
        const items = itemsWithLevels(sizes);
        const picked = stratifiedSample(Rng.fromSeed(seed), items, (i) => i.level, count);
        expect(picked).toHaveLength(Math.min(count, items.length));
        expect(new Set(picked.map((i) => i.id)).size).toBe(picked.length);
      }),
    );
  });
});
