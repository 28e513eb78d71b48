import { COUNTRY_ALIASES, COUNTRY_NAMES, DEPENDENCIES } from './country-names.js';
import { nameKey } from './place-names.js';

let table: Map<string, Set<string>> | undefined;

function add(map: Map<string, Set<string>>, name: string, codes: readonly string[]): void {
  const key = nameKey(name);
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  for (const c of codes) set.add(c);
}

function qualifierTable(): Map<string, Set<string>> {
  if (table !== undefined) return table;
  const map = new Map<string, Set<string>>();
  for (const [code, name] of Object.entries(COUNTRY_NAMES)) add(map, name, [code, ...(DEPENDENCIES[code] ?? [])]);
  for (const [code, aliases] of Object.entries(COUNTRY_ALIASES)) {
    for (const alias of aliases) add(map, alias, [code, ...(DEPENDENCIES[code] ?? [])]);
  }
  table = map;
  return map;
}

/**
 * The country codes a qualifier such as "France", "the Netherlands" or "USA" names (a sovereign's
 * name also admits its dependencies), or undefined when the text is not a country name — then it is
 * taken for a region ("Rhône", "NJ") and ignored.
 */
export function countriesNamedBy(text: string): ReadonlySet<string> | undefined {
  const key = nameKey(text);
  const t = qualifierTable();
  return t.get(key) ?? (key.startsWith('the') ? t.get(key.slice(3)) : undefined);
}
