/**
 * Difficulty of a transforms item [paper: f_w+l]. Three components, each a property of the item alone:
 * - input_words: word count of the data (a word is a maximal run of letters or digits, so
 *   "2021-03-05" is 3 words and compact JSON is not 1 word);
 * - output_words: word count of the gold output, same definition;
 * - levenshtein: character Levenshtein distance between the data and the gold output.
 *
 * f_wl = (z(ln(1 + input_words)) + z(ln(1 + output_words)) + z(ln(1 + levenshtein))) / 3, where
 * z(x) = (x − mean) / sd uses the FIXED reference constants below, never statistics of the current
 * sample, so an item's value depends only on that item. The components are right-skewed (a few long
 * CSV/JSON items dominate), hence the logs.
 *
 * Calibration (the default monotone map until study S1): calibrated = 100 / (1 + exp(−1.702 · f_wl / F_WL_SD)),
 * a logistic curve that is close to 100·Φ(f_wl / F_WL_SD) and strictly increasing in f_wl.
 */
import { distance } from 'fastest-levenshtein';
import type { DifficultyFunction } from '../../core/domain.js';

export const DIFFICULTY_FUNCTIONS: readonly DifficultyFunction[] = [
  { name: 'input_words', description: 'words (letter/digit runs) in the input data; more is harder' },
  { name: 'output_words', description: 'words (letter/digit runs) in the correct output; more is harder' },
  { name: 'levenshtein', description: 'character Levenshtein distance between input data and correct output; more is harder' },
  { name: 'f_wl', description: 'mean of the z-scored logs of input words, output words and Levenshtein distance (fixed reference constants); higher is harder' },
];

export const CHOSEN_DIFFICULTY = 'f_wl';

/**
 * Reference means and SDs of ln(1 + component), and the SD of f_wl itself. Derived once from 20,000
 * items generated with seed "reference" (computeReferenceStats in reference-stats.ts; population SD),
 * rounded to 3 decimals. reference-stats.test.ts recomputes them and fails if the generators drift.
 */
export const REFERENCE = {
  input_words: { mean: 2.994, sd: 1.074 },
  output_words: { mean: 2.75, sd: 1.037 },
  levenshtein: { mean: 4.043, sd: 1.275 },
  f_wl_sd: 0.957,
} as const;

export type ComponentName = 'input_words' | 'output_words' | 'levenshtein';

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(code: number, ch: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return NON_ASCII_WORD_CHAR.test(ch);
}

/** Maximal runs of letters or digits (Unicode L and N), counted with a char loop for speed. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const w = isWordChar(text.charCodeAt(i), text[i] as string);
    if (w && !inWord) count++;
    inWord = w;
  }
  return count;
}

/**
 * Character Levenshtein distance. The common prefix and suffix are stripped first (that never
 * changes the distance) so the bit-parallel algorithm only runs on the part that differs.
 */
export function levenshtein(a: string, b: string): number {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) { endA--; endB--; }
  return distance(a.slice(start, endA), b.slice(start, endB));
}

export function difficultyComponents(data: string, output: string): Record<ComponentName, number> {
  return { input_words: countWords(data), output_words: countWords(output), levenshtein: levenshtein(data, output) };
}

const z = (name: ComponentName, raw: number): number => (Math.log1p(raw) - REFERENCE[name].mean) / REFERENCE[name].sd;

export function fWl(c: Record<ComponentName, number>): number {
  return (z('input_words', c.input_words) + z('output_words', c.output_words) + z('levenshtein', c.levenshtein)) / 3;
}

/** All candidate values for one item, f_wl included. */
export function difficultyValues(data: string, output: string): Record<string, number> {
  const c = difficultyComponents(data, output);
  return { ...c, f_wl: fWl(c) };
}

/** The default monotone map of f_wl onto 0–100 (see the file comment). */
export function calibrateTransforms(values: Record<string, number>): number {
  const f = values[CHOSEN_DIFFICULTY];
  if (f === undefined || !Number.isFinite(f)) throw new Error(`transforms calibrate: no finite ${CHOSEN_DIFFICULTY} in ${JSON.stringify(values)}`);
  return 100 / (1 + Math.exp((-1.702 * f) / REFERENCE.f_wl_sd));
}
