import { Rng } from '../../core/rng.js';
import { difficultyComponents, type ComponentName } from './difficulty.js';
import { generateTransformDrafts } from './generate.js';

export interface ReferenceStats {
  input_words: { mean: number; sd: number };
  output_words: { mean: number; sd: number };
  levenshtein: { mean: number; sd: number };
  /** SD of f_wl computed with the three (mean, sd) pairs above. */
  f_wl_sd: number;
}

function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
  return { mean, sd };
}

/**
 * How the REFERENCE constants in difficulty.ts were derived: `count` items from seed `seed`
 * (20,000 and "reference"), mean and population SD of ln(1 + component), then the SD of f_wl.
 * Run it again after changing a generator and paste the rounded numbers into difficulty.ts.
 */
export function computeReferenceStats(count = 20_000, seed = 'reference'): ReferenceStats {
  const drafts = generateTransformDrafts(Rng.fromSeed(seed, 'transforms'), { count });
  const names: ComponentName[] = ['input_words', 'output_words', 'levenshtein'];
  const comps = drafts.map((d) => difficultyComponents(d.input.data as string, d.gold.output));
  const stats = Object.fromEntries(names.map((n) => [n, meanSd(comps.map((c) => Math.log1p(c[n])))])) as Record<ComponentName, { mean: number; sd: number }>;
  const f = comps.map((c) => names.reduce((s, n) => s + (Math.log1p(c[n]) - stats[n].mean) / stats[n].sd, 0) / 3);
  return { ...stats, f_wl_sd: meanSd(f).sd };
}
