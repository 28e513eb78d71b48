import { describe, expect, it } from 'vitest';
import { eligibleAnchors, populationRanker } from './anchors.js';
import { parseGazetteer } from './gazetteer.js';

/** A GeoNames cities row with the columns the parser reads. */
function line(id: number, name: string, cc: string, pop: number, code = 'PPL', fclass = 'P'): string {
  const cols = [String(id), name, name, '', '10.0', '20.0', fclass, code, cc, '', '01', '', '', '', String(pop), '', '5', 'Etc/UTC', '2020-01-01'];
  return cols.join('\t');
}

describe('eligibleAnchors', () => {
  const g = parseGazetteer(
    [
      line(1, 'Lyon', 'FR', 500_000),
      line(2, 'Lyon', 'US', 2_000), // same name, other country: both stay
      line(3, 'Birmingham', 'US', 200_000),
      line(4, 'Birmingham', 'US', 21_000), // over a tenth of the larger one: neither is eligible
      line(5, 'Springfield', 'US', 100_000),
      line(6, 'Springfield', 'US', 9_000), // under a tenth: the larger one is eligible
      line(7, 'Tinyville', 'FR', 900), // below the floor
      line(8, 'Oldtown', 'FR', 50_000, 'PPLH'), // historical, not a town
      line(9, 'Saint-Étienne', 'FR', 170_000),
    ].join('\n'),
  );

  it('keeps towns above the floor whose name is unambiguous in their country', () => {
    const ids = eligibleAnchors(g, 1000).map((r) => g.ids[r]);
    expect(ids).toEqual([1, 2, 5, 9]);
  });
});

describe('populationRanker', () => {
  it('ranks towns by population with competition ranking (1 = largest)', () => {
    const g = parseGazetteer([line(1, 'A', 'FR', 100), line(2, 'B', 'FR', 300), line(3, 'C', 'FR', 300), line(4, 'D', 'FR', 10), line(5, 'E', 'FR', 999, 'PPLX')].join('\n'));
    const rank = populationRanker(g);
    expect([300, 100, 10, 5000, 0].map(rank)).toEqual([1, 3, 4, 1, 5]);
  });
});
