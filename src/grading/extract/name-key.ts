/**
 * The locality name key (accents, case and punctuation folded; see domains/locality/place-names.ts),
 * memoised: the same names recur across responses, and folding is comparatively slow.
 */
import { nameKey as foldName } from '../../domains/locality/place-names.js';

const keys = new Map<string, string>();

export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size > 50_000) keys.clear();
    key = foldName(name);
    keys.set(name, key);
  }
  return key;
}
