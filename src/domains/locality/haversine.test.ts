import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EARTH_RADIUS_KM, haversineKm } from './haversine.js';

describe('haversineKm', () => {
  it('matches known distances', () => {
    // Paris (48.85341, 2.3488) to Lyon (45.74846, 4.84671): about 392 km.
    expect(haversineKm(48.85341, 2.3488, 45.74846, 4.84671)).toBeCloseTo(392, -1);
    // A quarter of a meridian.
    expect(haversineKm(0, 0, 90, 0)).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 6);
    // Across the antimeridian: 1° of longitude on the equator, not 359°.
    expect(haversineKm(0, 179.5, 0, -179.5)).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 6);
  });

  it('is symmetric, non-negative and zero on the same point', () => {
    const lat = fc.double({ min: -90, max: 90, noNaN: true });
    const lon = fc.double({ min: -180, max: 180, noNaN: true });
    fc.assert(
      fc.property(lat, lon, lat, lon, (a, b, c, d) => {
        const x = haversineKm(a, b, c, d);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_KM + 1e-6);
        expect(Math.abs(x - haversineKm(c, d, a, b))).toBeLessThan(1e-6);
        expect(haversineKm(a, b, a, b)).toBe(0);
      }),
    );
  });
});
