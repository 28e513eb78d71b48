import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GeoIndex, boundingBoxes } from './geo-index.js';
import { haversineKm } from './haversine.js';

/** Points concentrated where bounding boxes go wrong: near ±180° and near both poles, plus anywhere. */
const pointArb = fc.oneof(
  fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
  fc.record({ lat: fc.double({ min: -70, max: 70, noNaN: true }), lon: fc.double({ min: 175, max: 180, noNaN: true }) }),
  fc.record({ lat: fc.double({ min: -70, max: 70, noNaN: true }), lon: fc.double({ min: -180, max: -175, noNaN: true }) }),
  fc.record({ lat: fc.double({ min: 84, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
  fc.record({ lat: fc.double({ min: -90, max: -84, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
);

function bruteForce(lat: number[], lon: number[], qLat: number, qLon: number, r: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < lat.length; i++) if (haversineKm(qLat, qLon, lat[i] as number, lon[i] as number) <= r) rows.push(i);
  return rows;
}

describe('boundingBoxes', () => {
  it('splits at the antimeridian and widens to all longitudes around a pole', () => {
    expect(boundingBoxes(0, 179.9, 50)).toHaveLength(2);
    expect(boundingBoxes(0, -179.9, 50)).toHaveLength(2);
    expect(boundingBoxes(0, 0, 50)).toHaveLength(1);
    const polar = boundingBoxes(89.8, 10, 50);
    expect(polar).toHaveLength(1);
    expect(polar[0]).toMatchObject({ minLon: -180, maxLon: 180, maxLat: 90 });
  });
});

describe('GeoIndex.within', () => {
  it('matches a brute-force scan on random points, including near ±180° and the poles', () => {
    fc.assert(
      fc.property(
        fc.array(pointArb, { minLength: 1, maxLength: 300 }),
        pointArb,
        fc.constantFrom(1, 10, 50, 200, 1000, 5000),
        (points, q, r) => {
          const lat = points.map((p) => p.lat);
          const lon = points.map((p) => p.lon);
          const index = new GeoIndex(lat, lon, lat.map((_, i) => i));
          const got = index.within(q.lat, q.lon, r).map((n) => n.row).sort((a, b) => a - b);
          expect(got).toEqual(bruteForce(lat, lon, q.lat, q.lon, r));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds neighbours across the antimeridian (Fiji/Taveuni-like) and over the North Pole', () => {
    const lat = [-16.8, -16.9, 89.9, 89.9, 0];
    const lon = [179.95, -179.95, 0, 180, 0];
    const index = new GeoIndex(lat, lon, [0, 1, 2, 3, 4]);
    expect(index.within(-16.85, 179.99, 30).map((n) => n.row).sort()).toEqual([0, 1]);
    // Two points 0.1° from the pole on opposite meridians are ~22 km apart.
    expect(index.within(89.9, 0, 25).map((n) => n.row)).toEqual([2, 3]);
  });

  it('only returns the rows it was given, nearest first', () => {
    const lat = [0, 0, 0, 0];
    const lon = [0, 0.3, 0.1, 0.2];
    const index = new GeoIndex(lat, lon, [0, 1, 2]);
    expect(index.within(0, 0, 100).map((n) => n.row)).toEqual([0, 2, 1]);
    expect(new GeoIndex(lat, lon, []).within(0, 0, 100)).toEqual([]);
  });
});
