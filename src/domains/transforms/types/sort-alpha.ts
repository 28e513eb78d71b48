import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { capitalise, pickDistinct, recordCount } from '../sampling.js';
import { CITIES, COMMON_WORDS, FRUITS_AND_THINGS } from '../vocab.js';

/**
 * Sort single words alphabetically, ignoring case, A→Z or Z→A (stated). Words are ASCII letters
 * only and distinct ignoring case, so the order is total; each keeps its spelling and case.
 */
const POOL = [...new Set([...COMMON_WORDS, ...FRUITS_AND_THINGS, ...CITIES.map((c) => c.toLowerCase())])];

function styled(rng: Rng, word: string): string {
  const r = rng.int(0, 9);
  return r < 5 ? word : r < 8 ? capitalise(word) : word.toUpperCase();
}

/** Compares lowercased ASCII strings by code unit. */
export function compareIgnoringCase(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

export const sortAlpha: TransformType = {
  name: 'sort-alpha',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 2, 60);
    const descending = rng.bool(0.3);
    const list = pickDistinct(rng, POOL, n).map((w) => styled(rng, w));
    const sorted = list.slice().sort(compareIgnoringCase);
    if (descending) sorted.reverse();
    return {
      instruction:
        `sort the words in the list alphabetically from ${descending ? 'Z to A' : 'A to Z'}, ignoring upper and lower case ` +
        "when comparing but keeping each word's spelling exactly as written, one word per line",
      data: list.join('\n'),
      output: sorted.join('\n'),
      records: list.length,
    };
  },
};
