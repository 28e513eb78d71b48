import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawPerson, drawUnique, recordCount } from '../sampling.js';

/** "Last, First [Middle]" → "First [Middle] Last". */
export const nameOrder: TransformType = {
  name: 'name-order',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 1, 40);
    const people = drawUnique(rng, n, (r) => drawPerson(r, 0.3), (p) => `${p.last}|${p.given.join(' ')}`);
    return {
      instruction:
        'rewrite each name in the list from "Last, First" order to "First Last" order (all given names first, ' +
        'then the surname, separated by single spaces), one name per line in the original order',
      data: people.map((p) => `${p.last}, ${p.given.join(' ')}`).join('\n'),
      output: people.map((p) => `${p.given.join(' ')} ${p.last}`).join('\n'),
      records: people.length,
    };
  },
};
