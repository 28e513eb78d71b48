import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawUnique, recordCount } from '../sampling.js';
import { drawPhrase } from './case-change.js';

/**
 * Reverse the word order within each line ("quiet river stone" → "stone river quiet"); words
 * themselves are unchanged. A line's first and last words differ, so no line reads the same reversed.
 */
export const reverseWords: TransformType = {
  name: 'reverse-words',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 1, 20);
    const lines = drawUnique(rng, n, (r) => {
      for (;;) {
        const words = drawPhrase(r, 2, 8).split(' ');
        if (words[0] !== words[words.length - 1]) return words.join(' ');
      }
    });
    return {
      instruction:
        'reverse the order of the words in each line of the list, keeping every word unchanged and separated by single spaces, ' +
        'with the lines themselves staying in their original order',
      data: lines.join('\n'),
      output: lines.map((l) => l.split(' ').reverse().join(' ')).join('\n'),
      records: lines.length,
    };
  },
};
