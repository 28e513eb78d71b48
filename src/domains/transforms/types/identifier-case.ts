import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { capitalise, drawUnique, recordCount } from '../sampling.js';
import { drawPhrase } from './case-change.js';

/**
 * Turn plain phrases ("Total sales amount") into programming identifiers in a stated style:
 * snake_case, camelCase, kebab-case, PascalCase or CONSTANT_CASE, each defined in the instruction.
 */
interface Style {
  name: string;
  rule: string;
  join(words: string[]): string;
}

const lower = (ws: string[]): string[] => ws.map((w) => w.toLowerCase());

const STYLES: readonly Style[] = [
  { name: 'snake_case', rule: 'all letters lower case, words joined by underscores', join: (ws) => lower(ws).join('_') },
  { name: 'kebab-case', rule: 'all letters lower case, words joined by hyphens', join: (ws) => lower(ws).join('-') },
  { name: 'CONSTANT_CASE', rule: 'all letters upper case, words joined by underscores', join: (ws) => ws.map((w) => w.toUpperCase()).join('_') },
  {
    name: 'camelCase',
    rule: 'the first word all lower case, every later word with a capital first letter and the rest lower case, no separators',
    join: (ws) => lower(ws).map((w, i) => (i === 0 ? w : capitalise(w))).join(''),
  },
  {
    name: 'PascalCase',
    rule: 'every word with a capital first letter and the rest lower case, no separators',
    join: (ws) => lower(ws).map(capitalise).join(''),
  },
];

export const identifierCase: TransformType = {
  name: 'identifier-case',
  outputKind: 'lines',
  generate(rng: Rng) {
    const style = rng.pick(STYLES);
    const n = recordCount(rng, 1, 25);
    const phrases = drawUnique(rng, n, (r) => drawPhrase(r, 2, 5)).map((p) =>
      p.split(' ').map((w, i) => (i === 0 && rng.bool(0.5) ? capitalise(w) : w)),
    );
    return {
      instruction: `convert each phrase in the list to ${style.name} (${style.rule}), one identifier per line in the original order`,
      data: phrases.map((ws) => ws.join(' ')).join('\n'),
      output: phrases.map((ws) => style.join(ws)).join('\n'),
      records: phrases.length,
    };
  },
};
