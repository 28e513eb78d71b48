import type { Gazetteer } from './gazetteer.js';
import { nameKey } from './place-names.js';

const NOT_ASCII_WORD = /[^a-z0-9]+/g;

/** A fast name key for grouping: GeoNames' ASCII name (already without accents), else nameKey. */
function groupKey(asciiName: string, name: string): string {
  return asciiName === '' ? nameKey(name) : asciiName.toLowerCase().replace(NOT_ASCII_WORD, '');
}

/**
 * A place shown to the model as "{name}, {country}" must mean one place. A town is an eligible
 * anchor when it is a current town with population ≥ floor and every other GeoNames row in the same
 * country with the same name (compared without case, accents,
 * spaces or punctuation) has under a tenth of its population ("Lyon, France" is Lyon;
 * Birmingham, United States is out, because Birmingham, Michigan has over a tenth of Birmingham,
 * Alabama's population). Rows come back in gazetteer order.
 */
export function eligibleAnchors(gazetteer: Gazetteer, floor: number): number[] {
  const largest = new Map<string, { row: number; second: number }>();
  for (let row = 0; row < gazetteer.size; row++) {
    const group = `${gazetteer.countries[row]}:${groupKey(gazetteer.asciiNames[row] as string, gazetteer.names[row] as string)}`;
    const pop = gazetteer.population[row] as number;
    const best = largest.get(group);
    if (best === undefined) largest.set(group, { row, second: -1 });
    else if (pop > (gazetteer.population[best.row] as number)) largest.set(group, { row, second: gazetteer.population[best.row] as number });
    else best.second = Math.max(best.second, pop);
  }
  const rows: number[] = [];
  for (const { row, second } of largest.values()) {
    const pop = gazetteer.population[row] as number;
    if (gazetteer.isTown[row] === 1 && pop >= floor && second < pop / 10) rows.push(row);
  }
  return rows.sort((a, b) => a - b);
}

/**
 * Population rank among all current towns of the gazetteer (1 = most populous), by competition
 * ranking: 1 + the number of towns with a strictly larger population.
 */
export function populationRanker(gazetteer: Gazetteer): (population: number) => number {
  const pops: number[] = [];
  for (let row = 0; row < gazetteer.size; row++) if (gazetteer.isTown[row] === 1) pops.push(gazetteer.population[row] as number);
  const desc = Float64Array.from(pops).sort().reverse();
  return (population: number): number => {
    let lo = 0;
    let hi = desc.length; // first index whose population is ≤ the given one
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((desc[mid] as number) > population) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
