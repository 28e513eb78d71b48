import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../core/rng.js';
import { AnchorSampler, anchorStrata, CountryBuckets } from './anchor-sampler.js';

describe('CountryBuckets', () => {
  it('draws only members and stays consistent under random adds and removals', () => {
    const op = fc.record({ add: fc.boolean(), row: fc.integer({ min: 0, max: 49 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.integer(), (ops, seed) => {
        const country = (row: number): string => `C${row % 4}`;
        const buckets = new CountryBuckets(new Int32Array(50).fill(-1));
        const model = new Set<number>();
        const rng = Rng.fromSeed(seed);
        for (const { add, row } of ops) {
          if (add) {
            buckets.add(row, country(row));
            model.add(row);
          } else {
            buckets.remove(row, country(row));
            model.delete(row);
          }
          expect(buckets.size).toBe(model.size);
          const drawn = buckets.draw(rng);
          if (model.size === 0) expect(drawn).toBeUndefined();
          else expect(model.has(drawn as number)).toBe(true);
        }
        for (let row = 0; row < 50; row++) expect(buckets.has(row)).toBe(model.has(row));
      }),
    );
  });
});

describe('AnchorSampler', () => {
  // Rows 0–99: populations spread over 10^3 … 10^7, in three countries.
  const population = Array.from({ length: 100 }, (_, i) => 10 ** (3 + (4 * i) / 99));
  const countries = Array.from({ length: 100 }, (_, i) => ['FR', 'DE', 'TV'][i % 3] as string);
  const strata = anchorStrata(Array.from({ length: 100 }, (_, i) => i), population, countries, 0.5);

  it('groups anchors into ascending bands of log10 population', () => {
    expect(strata).toHaveLength(9); // [3, 3.5) … [6.5, 7) and the single 10^7 row
    expect(strata.flat().reduce((n, c) => n + c.rows.length, 0)).toBe(100);
    expect(strata[0]?.flatMap((c) => c.rows).every((r) => (population[r] as number) < 10 ** 3.5)).toBe(true);
  });

  it('offers every anchor once before any anchor twice, then stops when all are exhausted', () => {
    const sampler = new AnchorSampler(strata, 100);
    const rng = Rng.fromSeed('sampler');
    const uses = new Map<number, number>();
    for (;;) {
      const row = sampler.draw(rng);
      if (row === undefined) break;
      const n = (uses.get(row) ?? 0) + 1;
      uses.set(row, n);
      sampler.used(row, countries[row] as string, n === 2); // every anchor has two radii
    }
    expect(uses.size).toBe(100);
    expect([...uses.values()].every((n) => n === 2)).toBe(true);
  });

  it('draws bands uniformly, so the rare top band is not starved', () => {
    const sampler = new AnchorSampler(strata, 100);
    const rng = Rng.fromSeed('uniform');
    const first = Array.from({ length: 9 }, () => sampler.draw(rng) as number);
    // Nothing is marked used, so draws repeat; the top band (row 99 alone) shows up over many draws.
    const many = Array.from({ length: 500 }, () => sampler.draw(rng) as number);
    expect(first.every((r) => r >= 0 && r < 100)).toBe(true);
    expect(many.filter((r) => r === 99).length).toBeGreaterThan(20);
  });
});
