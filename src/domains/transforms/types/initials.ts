import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawPerson, drawUnique, recordCount } from '../sampling.js';

/** "Grace Brewster Hopper" → "G.B.H.": every name part's first letter, upper case, each followed by a period. */
export const initials: TransformType = {
  name: 'initials',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 1, 50);
    const people = drawUnique(rng, n, (r) => drawPerson(r, 0.35), (p) => `${p.given.join(' ')} ${p.last}`);
    const parts = people.map((p) => [...p.given, p.last]);
    return {
      instruction:
        'write the initials of each person in the list: the first letter of every part of the name, in upper case, ' +
        'each followed by a period, with no spaces (so "Ada Lovelace" becomes "A.L."), one person per line in the original order',
      data: parts.map((p) => p.join(' ')).join('\n'),
      output: parts.map((p) => p.map((w) => `${w.charAt(0).toUpperCase()}.`).join('')).join('\n'),
      records: people.length,
    };
  },
};
