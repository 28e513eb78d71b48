import type { Gazetteer } from './gazetteer.js';
import type { Neighbour } from './geo-index.js';

/** One correct answer. `asciiName` is stored only when it differs from `name`, to keep items small. */
export interface GoldPlace {
  /** GeoNames id: the key for alternate names in the gazetteer at grading time. */
  id: number;
  name: string;
  asciiName?: string;
  /** ISO 3166-1 alpha-2 code (XK for Kosovo); may differ from the anchor's near a border. */
  country: string;
  population: number;
  /** Haversine distance from the anchor, rounded to 0.1 km (the exact value decided membership). */
  km: number;
}

export interface LocalityGold {
  anchor: { id: number; name: string; country: string; lat: number; lon: number; population: number };
  radiusKm: number;
  /** Minimum population of a gold place (stated in the prompt). */
  floor: number;
  /** Every town with population ≥ floor within radiusKm of the anchor, the anchor excluded, nearest first. */
  places: GoldPlace[];
}

/** The gold places from an index query (nearest first), without the anchor's own row. */
export function goldPlaces(gazetteer: Gazetteer, neighbours: readonly Neighbour[], anchorRow: number): GoldPlace[] {
  const places: GoldPlace[] = [];
  for (const { row, km } of neighbours) {
    if (row === anchorRow) continue;
    const name = gazetteer.names[row] as string;
    const asciiName = gazetteer.asciiNames[row] as string;
    const place: GoldPlace = {
      id: gazetteer.ids[row] as number,
      name,
      country: gazetteer.countries[row] as string,
      population: gazetteer.population[row] as number,
      km: Math.round(km * 10) / 10,
    };
    if (asciiName !== name && asciiName !== '') place.asciiName = asciiName;
    places.push(place);
  }
  return places;
}

export function anchorOf(gazetteer: Gazetteer, row: number): LocalityGold['anchor'] {
  return {
    id: gazetteer.ids[row] as number,
    name: gazetteer.names[row] as string,
    country: gazetteer.countries[row] as string,
    lat: gazetteer.lat[row] as number,
    lon: gazetteer.lon[row] as number,
    population: gazetteer.population[row] as number,
  };
}
