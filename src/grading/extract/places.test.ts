import { describe, expect, it } from 'vitest';
import type { Item } from '../../core/item.js';
import { additionItem } from '../test-support/items.js';
import { LOOSE, STATED } from './candidate.js';
import { extractPlaces } from './places.js';

const base = additionItem('1', '2');
const item: Item = {
  ...base,
  domain: 'locality',
  input: { city: 'Lyon', country: 'France', radius: '10', floor: '1,000' },
  gold: { anchor: { id: 2996944, name: 'Lyon', country: 'FR', lat: 45.75, lon: 4.85, population: 522969 }, radiusKm: 10, floor: 1000, places: [] },
};
const stated = (text: string): string[] => extractPlaces(text, item, false).filter((c) => c.tier >= STATED).map((c) => c.value);
const loose = (text: string): string[] => extractPlaces(text, item, false).filter((c) => c.tier === LOOSE).map((c) => c.value);

describe('locality extractor', () => {
  it('reads a bare name, with a country qualifier kept', () => {
    expect(stated('Villeurbanne')).toContain('Villeurbanne');
    expect(stated('Villeurbanne, France')).toContain('Villeurbanne, France');
    expect(stated('villeurbanne')).toContain('villeurbanne');
  });
  it('reads the place from "X is about 5 km from Lyon." (the anchor is never the answer beside another place)', () => {
    expect(loose('Villeurbanne is about 5 km from Lyon.')[0]).toBe('Villeurbanne');
  });
  it.each([
    ['Sure! One town within 10 km of Lyon is **Villeurbanne**.', 'Villeurbanne'],
    ['Answer: Saint-Fons', 'Saint-Fons'],
    ["I'd suggest visiting Bron, a charming town east of Lyon.", 'Bron'],
    ['You could try Caluire-et-Cuire.', 'Caluire-et-Cuire'],
    ['There is a town called Vénissieux just south of Lyon.', 'Vénissieux'],
    ['Villeurbanne is a city right next to Lyon.', 'Villeurbanne'],
  ])('%j → %s', (text, place) => {
    expect(stated(text)).toContain(place);
  });
  it('keeps names that begin with a direction or Saint whole, and reads "The Hague" both ways', () => {
    expect(stated('North Vancouver')).toContain('North Vancouver');
    expect(stated('Saint Louis')).toContain('Saint Louis');
    const hague = extractPlaces('The Hague', item, false).find((c) => c.tier === STATED);
    expect(hague).toMatchObject({ value: 'The Hague', alt: ['Hague'] });
  });
  it('offers a list as one group', () => {
    const c = extractPlaces('Here are some options:\n1. Villeurbanne (5 km)\n2. Bron (8 km)', item, false).filter((x) => x.how === 'list');
    expect(c.map((x) => x.value)).toEqual(['Villeurbanne', 'Bron']);
    expect(new Set(c.map((x) => x.group)).size).toBe(1);
  });
  it('answers with the anchor only when no other place is named', () => {
    expect(stated('Lyon')).toEqual(['Lyon']);
    expect(loose('Lyon is a lovely city in France.')).toEqual([]);
  });
  it('ignores countries and capitalised words that are not places', () => {
    expect(loose('However, France is big. Sure, North is cold.')).toEqual([]);
  });
});
