import { describe, expect, it } from 'vitest';
import { answerReadings, checkLocality } from './check.js';
import { loadGazetteer } from './gazetteer.js';
import { localityDraft } from './generate.js';
import type { LocalityGold } from './gold.js';
import { DEFAULT_LOCALITY_SETTINGS } from './settings.js';
import { worldFor } from './world.js';

const BONN = 2946447;
const LAUSANNE = 2659994;

function goldAround(geonameId: number, radiusKm: number): LocalityGold {
  const world = worldFor(DEFAULT_LOCALITY_SETTINGS.floor);
  const row = world.gazetteer.rowById.get(geonameId);
  if (row === undefined) throw new Error(`no GeoNames row ${geonameId}`);
  return localityDraft(world, row, radiusKm, DEFAULT_LOCALITY_SETTINGS).gold;
}

const check = (gold: LocalityGold, answer: string): boolean => checkLocality(gold, answer, loadGazetteer);

describe('checkLocality on real GeoNames items', () => {
  const bonn = goldAround(BONN, 50);
  const lausanne = goldAround(LAUSANNE, 60);

  it('builds the expected gold sets', () => {
    expect(bonn.places.map((p) => p.name)).toContain('Köln');
    expect(lausanne.places.map((p) => p.name)).toContain('Genève');
    expect(lausanne.places.map((p) => p.name)).not.toContain('Zürich');
  });

  it('accepts the name with and without accents, in any case and spacing', () => {
    for (const answer of ['Köln', 'Koln', 'KÖLN', ' köln. ', '**Köln**', 'Koeln']) expect(check(bonn, answer), answer).toBe(true);
    for (const answer of ['Genève', 'Geneve', 'geneve']) expect(check(lausanne, answer), answer).toBe(true);
  });

  it('accepts an alternate name of a gold place (loaded from the gazetteer)', () => {
    expect(check(bonn, 'Cologne')).toBe(true);
    expect(check(lausanne, 'Geneva')).toBe(true);
    expect(check(lausanne, 'Genf')).toBe(true);
  });

  it('drops a trailing region or country, but a wrong country is wrong', () => {
    expect(check(bonn, 'Cologne, Germany')).toBe(true);
    expect(check(bonn, 'Cologne, North Rhine-Westphalia, Germany')).toBe(true);
    expect(check(bonn, 'Cologne (Germany)')).toBe(true);
    expect(check(lausanne, 'Geneva, Switzerland')).toBe(true);
    expect(check(bonn, 'Cologne, NRW')).toBe(true);
    expect(check(bonn, 'Cologne, France')).toBe(false);
    expect(check(bonn, 'Köln (Austria)')).toBe(false);
  });

  it('rejects a real place out of range, the anchor itself, and a made-up name', () => {
    expect(check(bonn, 'Munich')).toBe(false);
    expect(check(bonn, 'Hamburg')).toBe(false);
    expect(check(lausanne, 'Zürich')).toBe(false);
    expect(check(bonn, 'Bonn')).toBe(false);
    expect(check(bonn, 'Quxbridge Falls')).toBe(false);
    expect(check(bonn, '')).toBe(false);
    expect(check(bonn, '...')).toBe(false);
  });

  it('does not accept machine transliterations or airport codes kept in GeoNames', () => {
    expect(check(lausanne, 'GVA')).toBe(false); // Geneva's airport code
    expect(check(lausanne, 'jineva')).toBe(false); // a lower-case transliteration
  });

  it('accepts a name shared by several places when any of them is gold', () => {
    const gold: LocalityGold = {
      ...bonn,
      places: [...bonn.places, { id: -1, name: 'Springfield', country: 'US', population: 5000, km: 10 }],
    };
    expect(check(gold, 'Springfield')).toBe(true);
    expect(check(bonn, 'Springfield')).toBe(false);
  });
});

describe('answerReadings', () => {
  it('reads the head of a qualified answer with the named country', () => {
    const readings = answerReadings('Saint-Denis, France');
    expect(readings.map((r) => r.key)).toEqual(['saintdenisfrance', 'saintdenis']);
    // France also admits its overseas departments (Réunion).
    expect(readings[1]?.countries?.has('RE')).toBe(true);
  });

  it('ignores US-state and region abbreviations instead of reading them as country codes', () => {
    const readings = answerReadings('Newark, DE');
    expect(readings[1]).toEqual({ key: 'newark', countries: undefined });
  });
});
