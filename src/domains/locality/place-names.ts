/**
 * Name matching for grading: every name is reduced to a key, and two names match when their keys
 * are equal. The key strips accents (NFD, combining marks removed), folds case, spells out letters
 * NFD cannot decompose (ß, ø, ł, æ …), expands the abbreviations St/Ste/Mt/Ft, and then drops every
 * character that is not a letter or a digit — so "Saint-Étienne", "saint etienne" and
 * "St. Etienne" all have the key "saintetienne".
 */

const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'ng', ĸ: 'k',
};
const SPELLED_OUT_RE = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'g');

const ABBREVIATIONS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

export function nameKey(text: string): string {
  return NON_ASCII.test(text) ? foldedKey(text) : asciiKey(text.toLowerCase());
}

const NON_ASCII = /[^\x00-\x7f]/;
const NOT_ALNUM = /[^a-z0-9]+/g;
const LOOKED_UP = /(?<![a-z0-9])(?:st|ste|mt|ft|constructor)(?![a-z0-9])/;

/**
 * nameKey of an ASCII text (given lower-cased): decomposition, marks and spelled-out letters do not
 * apply, and the words are the runs of a–z and 0–9. Most names are ASCII; this is several times
 * faster than the general way (locality-check.test.ts compares the two on every gazetteer name).
 */
function asciiKey(lower: string): string {
  // Without a word that is looked up (the abbreviations, and "constructor", which the lookup object
  // has too), the key is just every letter and digit.
  if (!LOOKED_UP.test(lower)) return lower.replace(NOT_ALNUM, '');
  let key = '';
  let start = -1;
  for (let i = 0, len = lower.length; i <= len; i++) {
    const c = i < len ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const token = lower.slice(start, i);
      key += ABBREVIATIONS[token] ?? token;
      start = -1;
    }
  }
  return key;
}

/** nameKey for any text (the general way). */
export function foldedKey(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPELLED_OUT_RE, (c) => SPELLED_OUT[c] ?? c);
  let key = '';
  for (const token of folded.split(NOT_WORD)) key += ABBREVIATIONS[token] ?? token;
  return key;
}

const URL_LIKE = /:\/\/|^www\./i;
const DIGITS_ONLY = /^[\d\s./-]+$/;
/** IATA (3 letters) and ICAO (4 letters) airport codes such as "LYS" or "LFLL". */
const AIRPORT_CODE = /^[A-Z]{3,4}$/;
const ASCII_LOWER = /[a-z]/;
const ANY_UPPER = /\p{Lu}/u;

/**
 * The alternate names worth matching, from GeoNames' comma-separated field. Dropped: URLs
 * (Wikipedia links), digits-only entries (postal codes), all-capital 3–4 letter entries (airport
 * codes — this also drops "NYC"), and Latin-script entries without any capital letter, which in
 * GeoNames are machine transliterations of non-Latin names ("li ang", "lywn" for Lyon) that would
 * otherwise accept words like "lion". Names in every script are kept.
 */
export function usefulAltNames(field: string): string[] {
  if (field === '') return [];
  return field.split(',').filter((n) => {
    const name = n.trim();
    if (name === '' || URL_LIKE.test(name) || DIGITS_ONLY.test(name) || AIRPORT_CODE.test(name)) return false;
    return !(ASCII_LOWER.test(name) && !ANY_UPPER.test(name));
  });
}
