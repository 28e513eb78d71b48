/**
 * Whether a name is a place GeoNames knows (cities500: its name or ASCII name, in any country).
 * Used only for names found in passing or in emphasis, where prose also has capitalised words
 * that are no place ("Babylonians", "Measure distance"); a name after an answer marker or alone
 * on a line is graded whatever it is. Built once, lazily (about half a second).
 */
import { loadGazetteer } from '../../domains/locality/gazetteer.js';
import { nameKey } from './name-key.js';

let keys: Set<string> | undefined;
const ABBREVIATED = /\b(?:St|Ste|Mt|Ft)\b/;
const NOT_KEY = /[^a-z0-9]/g;

function buildKeys(): Set<string> {
  const g = loadGazetteer();
  const out = new Set<string>();
  for (let i = 0; i < g.size; i++) {
    const ascii = g.asciiNames[i] as string;
    out.add(ascii.toLowerCase().replace(NOT_KEY, ''));
    if (ABBREVIATED.test(ascii)) out.add(nameKey(ascii));
  }
  return out;
}

export function isKnownPlace(name: string): boolean {
  keys ??= buildKeys();
  return keys.has(nameKey(name));
}
