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
  for (const place of gold.places) {
    const keys = new Set([nameKey(place.name), nameKey(place.asciiName ?? place.name)]);
    if (readings.some((r) => matches(r, place, keys))) return true;
  }
  const g = gazetteer();
  for (const place of gold.places) {
    const keys = altKeys(g, place.id);
    if (readings.some((r) => matches(r, place, keys))) return true;
  }
  return false;
}
