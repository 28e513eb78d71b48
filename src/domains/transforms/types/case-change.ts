import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { capitalise, drawUnique, recordCount } from '../sampling.js';
import { CITIES, COMMON_WORDS } from '../vocab.js';

/**
 * Change the letter case of each line: UPPER CASE, lower case or Title Case (every word capitalised,
 * the rest lower case, no small-word exceptions; stated). Lines are letters and single spaces only.
 */
type Variant = 'upper' | 'lower' | 'title';
const VARIANTS: readonly Variant[] = ['upper', 'lower', 'title'];
const RULES: Record<Variant, string> = {
  upper: 'upper case (every letter a capital)',
  lower: 'lower case (no capital letters at all)',
  title: 'title case (the first letter of every word a capital and all other letters lower case, including short words like "and" or "of")',
};

function mixedCase(rng: Rng, word: string): string {
  const r = rng.int(0, 9);
  return r < 5 ? word : r < 8 ? capitalise(word) : word.toUpperCase();
}

export function drawPhrase(rng: Rng, minWords: number, maxWords: number): string {
  const n = rng.int(minWords, maxWords);
  return Array.from({ length: n }, () => (rng.bool(0.1) ? rng.pick(CITIES).toLowerCase() : rng.pick(COMMON_WORDS))).join(' ');
}

function apply(variant: Variant, line: string): string {
  if (variant === 'upper') return line.toUpperCase();
  if (variant === 'lower') return line.toLowerCase();
  return line.split(' ').map((w) => capitalise(w.toLowerCase())).join(' ');
}

export const caseChange: TransformType = {
  name: 'case-change',
  outputKind: 'lines',
  generate(rng: Rng) {
    const variant = rng.pick(VARIANTS);
    const n = recordCount(rng, 1, 25);
    const phrases = drawUnique(rng, n, (r) => drawPhrase(r, 2, 6)).map((p) =>
      p.split(' ').map((w) => mixedCase(rng, w)).join(' '),
    );
    // A line already in the target case would be a no-op; flip it so every line needs changing.
    const data = phrases.map((p) => (apply(variant, p) !== p ? p : variant === 'lower' ? p.toUpperCase() : p.toLowerCase()));
    return {
      instruction: `rewrite each line of the list in ${RULES[variant]}, changing nothing else, one result per line in the original order`,
      data: data.join('\n'),
      output: data.map((p) => apply(variant, p)).join('\n'),
      records: data.length,
    };
  },
};
