import KDBush from 'kdbush';
import { EARTH_RADIUS_KM, haversineKm } from './haversine.js';

/** A lon/lat rectangle in degrees, never crossing the antimeridian (minLon ≤ maxLon). */
export interface LonLatBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

const DEG = 180 / Math.PI;
/** Widening of every box, in degrees, so floating-point error never drops a point on the circle. */
const PAD_DEG = 1e-7;

/**
 * The lon/lat rectangles (one, or two when the circle crosses ±180°) that together contain every
 * point within `radiusKm` of (lat, lon). Method of J. P. Matuschek, "Finding points within a
 * distance of a latitude/longitude using bounding coordinates": the longitude half-width of a
 * spherical cap is asin(sin δ / cos φ); a cap that reaches a pole covers every longitude.
 */
export function boundingBoxes(lat: number, lon: number, radiusKm: number): LonLatBox[] {
  const delta = radiusKm / EARTH_RADIUS_KM; // angular radius, radians
  const minLat = lat - delta * DEG - PAD_DEG;
  const maxLat = lat + delta * DEG + PAD_DEG;
  if (delta >= Math.PI || maxLat >= 90 || minLat <= -90) {
    return [{ minLon: -180, minLat: Math.max(-90, minLat), maxLon: 180, maxLat: Math.min(90, maxLat) }];
  }
  const ratio = Math.sin(delta) / Math.cos((lat * Math.PI) / 180);
  if (ratio >= 1) return [{ minLon: -180, minLat, maxLon: 180, maxLat }];
  const dLon = Math.asin(ratio) * DEG + PAD_DEG;
  const minLon = lon - dLon;
  const maxLon = lon + dLon;
  if (minLon < -180) {
    return [
      { minLon: minLon + 360, minLat, maxLon: 180, maxLat },
      { minLon: -180, minLat, maxLon, maxLat },
    ];
  }
  if (maxLon > 180) {
    return [
      { minLon, minLat, maxLon: 180, maxLat },
      { minLon: -180, minLat, maxLon: maxLon - 360, maxLat },
    ];
  }
  return [{ minLon, minLat, maxLon, maxLat }];
}

export interface Neighbour {
  /** The point's row (the number the caller gave it). */
  row: number;
  km: number;
}

/**
 * A static spatial index over points in degrees: kdbush over (lon, lat) for the rectangle query,
 * then the exact haversine filter. Queries cost O(√n + k), never a scan of all points.
 */
export class GeoIndex {
  private readonly tree: KDBush;
  private readonly rows: Int32Array;
  private readonly lat: ArrayLike<number>;
  private readonly lon: ArrayLike<number>;

  /** `rows` picks which points of the `lat`/`lon` columns are indexed. */
  constructor(lat: ArrayLike<number>, lon: ArrayLike<number>, rows: ArrayLike<number>) {
    this.lat = lat;
    this.lon = lon;
    this.rows = Int32Array.from(rows);
    this.tree = new KDBush(Math.max(1, this.rows.length));
    for (const row of this.rows) this.tree.add(lon[row] as number, lat[row] as number);
    if (this.rows.length === 0) this.tree.add(1000, 1000); // an empty kdbush cannot be built; this point is off the globe
    this.tree.finish();
  }

  get size(): number {
    return this.rows.length;
  }

  /** Every indexed point within `radiusKm` (inclusive) of (lat, lon), nearest first, ties by row. */
  within(lat: number, lon: number, radiusKm: number): Neighbour[] {
    const out: Neighbour[] = [];
    for (const box of boundingBoxes(lat, lon, radiusKm)) {
      for (const id of this.tree.range(box.minLon, box.minLat, box.maxLon, box.maxLat)) {
        const row = this.rows[id];
        if (row === undefined) continue; // the placeholder point of an empty index
        const km = haversineKm(lat, lon, this.lat[row] as number, this.lon[row] as number);
        if (km <= radiusKm) out.push({ row, km });
      }
    }
    // Two boxes never overlap (each is under 180° wide), so no point is found twice.
    return out.sort((a, b) => a.km - b.km || a.row - b.row);
  }
}
