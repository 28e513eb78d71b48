import { eligibleAnchors, populationRanker } from './anchors.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { GeoIndex } from './geo-index.js';

/** Everything generation needs for one population floor, built once and kept. */
export interface LocalityWorld {
  gazetteer: Gazetteer;
  floor: number;
  /** Current towns with population ≥ floor. */
  towns: GeoIndex;
  /** Eligible anchor rows (anchors.ts), in gazetteer order. */
  anchors: number[];
  rankOf: (population: number) => number;
}

export function buildWorld(gazetteer: Gazetteer, floor: number): LocalityWorld {
  const rows: number[] = [];
  for (let row = 0; row < gazetteer.size; row++) {
    if (gazetteer.isTown[row] === 1 && (gazetteer.population[row] as number) >= floor) rows.push(row);
  }
  return {
    gazetteer,
    floor,
    towns: new GeoIndex(gazetteer.lat, gazetteer.lon, rows),
    anchors: eligibleAnchors(gazetteer, floor),
    rankOf: populationRanker(gazetteer),
  };
}

const worlds = new Map<number, LocalityWorld>();

/** The world of the packaged gazetteer for a floor (loads the gazetteer on first use). */
export function worldFor(floor: number): LocalityWorld {
  let world = worlds.get(floor);
  if (world === undefined) worlds.set(floor, (world = buildWorld(loadGazetteer(), floor)));
  return world;
}
