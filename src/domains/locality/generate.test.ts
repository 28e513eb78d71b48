import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binOf, BIN_COUNT } from '../../core/item.js';
import { Rng } from '../../core/rng.js';
import { calibrateLocality } from './difficulty.js';
import { formatThousands, generateLocalityItems } from './generate.js';
import { haversineKm } from './haversine.js';
import { DEFAULT_LOCALITY_SETTINGS as S } from './settings.js';
import { worldFor } from './world.js';

const world = worldFor(S.floor);
const g = world.gazetteer;
const generate = (seed: number | string, count: number) => generateLocalityItems(Rng.fromSeed(seed, 'locality'), count, world, S);
const row = (id: number): number => g.rowById.get(id) as number;

describe('generateLocalityItems', () => {
  it('gold places are towns above the floor within the radius, never the anchor, nearest first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 30 }), (seed, count) => {
        for (const item of generate(seed, count)) {
          const { anchor, radiusKm, places } = item.gold;
          expect(places.length).toBeGreaterThan(0);
          expect(places.length).toBeLessThanOrEqual(S.maxGoldPlaces);
          expect(S.radiiKm).toContain(radiusKm);
          expect(anchor.population).toBeGreaterThanOrEqual(S.floor);
          for (const p of places) {
            const r = row(p.id);
            expect(p.id).not.toBe(anchor.id);
            expect(g.isTown[r]).toBe(1);
            expect(p.population).toBeGreaterThanOrEqual(S.floor);
            expect(haversineKm(anchor.lat, anchor.lon, g.lat[r] as number, g.lon[r] as number)).toBeLessThanOrEqual(radiusKm);
          }
          const km = places.map((p) => p.km);
          expect(km).toEqual([...km].sort((a, b) => a - b));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('gold sets are complete: equal to a brute-force scan of every town (on a sample)', () => {
    for (const item of generate('complete', 12)) {
      const { anchor, radiusKm } = item.gold;
      const expected: number[] = [];
      for (let r = 0; r < g.size; r++) {
        if (g.isTown[r] !== 1 || (g.population[r] as number) < S.floor || g.ids[r] === anchor.id) continue;
        if (haversineKm(anchor.lat, anchor.lon, g.lat[r] as number, g.lon[r] as number) <= radiusKm) expected.push(g.ids[r] as number);
      }
      expect(item.gold.places.map((p) => p.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    }
  });

  it('gives distinct anchor+radius pairs, the same items for the same seed and different ones for another', () => {
    const a = generate(11, 300);
    const keys = a.map((i) => `${i.gold.anchor.id}:${i.gold.radiusKm}`);
    expect(new Set(keys).size).toBe(300);
    expect(JSON.stringify(generate(11, 300))).toBe(JSON.stringify(a));
    expect(generate(12, 300).map((i) => i.gold.anchor.id)).not.toEqual(a.map((i) => i.gold.anchor.id));
  });

  it('spreads 1,000 items over at least 20 of the 30 calibrated bins, many countries and every radius', () => {
    const items = generate(7, 1000);
    const bins = new Set(items.map((i) => binOf(calibrateLocality(i.difficulty))));
    expect(bins.size).toBeGreaterThanOrEqual(20);
    expect(bins.size).toBeLessThanOrEqual(BIN_COUNT);
    expect(new Set(items.map((i) => i.source.countryCode)).size).toBeGreaterThanOrEqual(100);
    expect(new Set(items.map((i) => i.gold.radiusKm))).toEqual(new Set(S.radiiKm));
  });

  it('fills the template inputs and provenance', () => {
    const [item] = generate(3, 1);
    expect(item?.input).toEqual({
      city: item?.gold.anchor.name,
      country: expect.stringMatching(/^[^A-Z]*[A-Z].+/),
      radius: String(item?.gold.radiusKm),
      floor: '1,000',
    });
    expect(item?.source).toEqual({ geonameId: item?.gold.anchor.id, anchorPopulation: item?.gold.anchor.population, countryCode: item?.gold.anchor.country });
  });

  it('rejects a bad count', () => {
    expect(() => generate(1, -1)).toThrow(/whole number/);
    expect(generate(1, 0)).toEqual([]);
  });
});

describe('formatThousands', () => {
  it('groups digits in threes', () => {
    expect(formatThousands(1000)).toBe('1,000');
    expect(formatThousands(999)).toBe('999');
    expect(formatThousands(12345678)).toBe('12,345,678');
  });
});
