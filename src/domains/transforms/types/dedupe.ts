import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { pickDistinct, recordCount } from '../sampling.js';
import { CITIES, FRUITS_AND_THINGS, PRODUCTS } from '../vocab.js';

/**
 * Remove repeated lines, keeping the first occurrence of each, in the original order. Only exact
 * repeats count, which the instruction states; a list has 1–60 lines drawn from a smaller set of
 * distinct entries, so most lists have repeats.
 */
const POOLS: readonly (readonly string[])[] = [CITIES, FRUITS_AND_THINGS, PRODUCTS];

export const dedupe: TransformType = {
  name: 'dedupe',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 2, 60);
    const distinct = pickDistinct(rng, rng.pick(POOLS), Math.max(1, Math.ceil(n * (0.3 + 0.6 * rng.float()))));
    const list = Array.from({ length: n }, () => rng.pick(distinct));
    const kept: string[] = [];
    for (const entry of list) if (!kept.includes(entry)) kept.push(entry);
    return {
      instruction:
        'remove the repeated entries from the list, keeping only the first occurrence of each entry and the original order ' +
        '(entries count as repeats only if they are identical), one entry per line',
      data: list.join('\n'),
      output: kept.join('\n'),
      records: list.length,
    };
  },
};
