import type { Gazetteer } from './gazetteer.js';
import type { GoldPlace, LocalityGold } from './gold.js';
import { countriesNamedBy } from './country-qualifier.js';
import { nameKey, usefulAltNames } from './place-names.js';

/** One way to read an answer: a name key and, when the answer named a country, the codes allowed. */
export interface AnswerReading {
  key: string;
  countries: ReadonlySet<string> | undefined;
}

const BRACKETED = /\s*[([]([^()[\]]*)[)\]]/g;

/**
 * The readings of an answer, tried in order: the whole text; the text without bracketed parts
 * ("Villeurbanne (France)"); and the part before the first comma, where the last comma part or a
 * bracketed part that names a country restricts the match to that country ("Villeurbanne, France",
 * "Newport, UK"), and any other qualifier ("Villeurbanne, Rhône", "Newark, NJ") is ignored.
 */
export function answerReadings(answer: string): AnswerReading[] {
  const text = answer.trim().replace(/[.!;:]+$/, '');
  const bracketed = [...text.matchAll(BRACKETED)].map((m) => m[1] as string);
  const unbracketed = text.replace(BRACKETED, '').trim();
  const parts = unbracketed.split(',').map((p) => p.trim());
  const head = parts[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1] as string) : undefined;
  let inBrackets: ReadonlySet<string> | undefined;
  for (const q of bracketed) inBrackets ??= countriesNamedBy(q);
  const afterComma = last === undefined ? undefined : countriesNamedBy(last);
  const readings: AnswerReading[] = [{ key: nameKey(text), countries: undefined }];
  if (unbracketed !== text) readings.push({ key: nameKey(unbracketed), countries: inBrackets });
  if (last !== undefined) readings.push({ key: nameKey(head), countries: afterComma ?? inBrackets });
  return readings.filter((r) => r.key !== '');
}

function matches(reading: AnswerReading, place: GoldPlace, keys: ReadonlySet<string>): boolean {
  return keys.has(reading.key) && (reading.countries === undefined || reading.countries.has(place.country));
}

const nameIndexes = new WeakMap<LocalityGold, Map<string, GoldPlace[]>>();

/** The gold places by the keys of their name and ASCII name, built once per gold set. */
function nameIndex(gold: LocalityGold): Map<string, GoldPlace[]> {
  let index = nameIndexes.get(gold);
  if (index === undefined) {
    index = new Map();
    for (const place of gold.places) {
      for (const key of new Set([nameKey(place.name), nameKey(place.asciiName ?? place.name)])) {
        const list = index.get(key);
        if (list === undefined) index.set(key, [place]);
        else list.push(place);
      }
    }
    nameIndexes.set(gold, index);
  }
  return index;
}

const altKeysById = new Map<number, ReadonlySet<string>>();

function altKeys(gazetteer: Gazetteer, id: number): ReadonlySet<string> {
  let keys = altKeysById.get(id);
  if (keys === undefined) {
    const row = gazetteer.rowById.get(id);
    keys = new Set(row === undefined ? [] : usefulAltNames(gazetteer.altNames[row] as string).map(nameKey));
    altKeysById.set(id, keys);
  }
  return keys;
}

/**
 * Whether the answer names a gold place: its name, ASCII name, or one of its GeoNames alternate
 * names (looked up in the gazetteer, which is loaded only when the two stored names do not match).
 * Several places may share a name: the answer is correct if any gold place has it. A real place
 * outside the radius, the anchor itself, or a name that is no place is never in the gold set.
 */
export function checkLocality(gold: LocalityGold, answer: string, gazetteer: () => Gazetteer): boolean {
  const readings = answerReadings(answer);
  if (readings.length === 0) return false;
  // Some gold place has the reading's key as its name or ASCII name (and the country fits).
  const byName = nameIndex(gold);
  for (const r of readings) {
    const places = byName.get(r.key);
    if (places !== undefined) for (const place of places) if (r.countries === undefined || r.countries.has(place.country)) return true;
  }
  const g = gazetteer();
  for (const place of gold.places) {
    const keys = altKeys(g, place.id);
    if (readings.some((r) => matches(r, place, keys))) return true;
  }
  return false;
}
