/**
 * English number words → digits, for answers such as "four thousand and five". Supported: zero to
 * nineteen, the tens (hyphenated or not: "forty-two", "forty two"), "hundred", and the scales
 * thousand, million, billion, trillion, with "and" and "a" ("a hundred and five"), up to
 * 999 trillion. Anything else (ordinals, "twelve hundred", decimals, "-ish") is not read.
 */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, bigint> = { thousand: 1_000n, million: 1_000_000n, billion: 1_000_000_000n, trillion: 1_000_000_000_000n };

const WORD = '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion)';
/** A run of number words, at least one of them a real number word. */
export const NUMBER_WORDS = new RegExp(`\\b(?:a\\s+)?${WORD}(?:(?:\\s*,?\\s+(?:and\\s+)?|-)${WORD})*\\b`, 'gi');

/** Digits for a run of number words, or null when it is not a well-formed number. */
export function parseNumberWords(text: string): string | null {
  const words = text.toLowerCase().replace(/,/g, ' ').split(/[\s-]+/).filter((w) => w.length > 0 && w !== 'and');
  if (words[0] === 'a') words[0] = 'one';
  if (words.length === 0) return null;
  let total = 0n;
  let group = -1; // value below the current scale, -1 = nothing yet
  let lastScale = 10n ** 18n;
  let lastKind: 'small' | 'tens' | 'hundred' | 'scale' | null = null;
  for (const w of words) {
    const small = SMALL[w];
    const tens = TENS[w];
    if (small !== undefined) {
      if (lastKind === 'small') return null;
      if (lastKind === 'tens' && small >= 10) return null;
      if (lastKind === 'tens' && small === 0) return null;
      group = (group < 0 ? 0 : group) + small;
      lastKind = 'small';
    } else if (tens !== undefined) {
      if (lastKind === 'small' || lastKind === 'tens') return null;
      group = (group < 0 ? 0 : group) + tens;
      lastKind = 'tens';
    } else if (w === 'hundred') {
      if (group < 1 || group > 9 || lastKind !== 'small') return null;
      group *= 100;
      lastKind = 'hundred';
    } else {
      const scale = SCALES[w];
      if (scale === undefined || group < 1 || scale >= lastScale) return null;
      total += BigInt(group) * scale;
      lastScale = scale;
      group = -1;
      lastKind = 'scale';
    }
  }
  if (group >= 0) total += BigInt(group);
  else if (lastKind !== 'scale') return null;
  return total.toString();
}
