import type { DifficultyFunction } from '../../core/domain.js';
import { MAX_LETTERS, MIN_LETTERS } from './lexicon.js';

/**
 * Difficulty of an anagram item (docs/domains/anagram.md). The paper's chosen function is f_let,
 * the number of letters; the others are candidates [ours] kept for analysis.
 */
export const ANAGRAM_DIFFICULTY_FUNCTIONS: readonly DifficultyFunction[] = [
  { name: 'f_let', description: 'number of letters to unscramble (3–20); more letters = harder' },
  {
    name: 'rarity',
    description: "log10 of the target word's SUBTLEX-US frequency rank (0 = the most frequent word, 4.87 = the rarest); higher = harder",
  },
  { name: 'letters_x_rarity', description: 'f_let × rarity; higher = harder' },
  { name: 'solutions', description: 'how many dictionary words use exactly these letters; more = easier (more ways to be right)' },
];

/** Number of SUBTLEX-US entries: the largest possible frequency rank. */
export const RANK_CEILING = 74_286;
/** The tie-break fraction stays strictly below 1, so it never reaches the next letter count. */
const MAX_FRACTION = 0.999_999;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function anagramDifficulty(letters: number, frequencyRank: number, solutions: number): Record<string, number> {
  const rarity = round6(Math.log10(frequencyRank));
  return { f_let: letters, rarity, letters_x_rarity: round6(letters * rarity), solutions };
}

/**
 * The within-letter-count tie-break, in [0, 1): the frequency rank recovered from `rarity`
 * (10^rarity) divided by RANK_CEILING + 1, i.e. roughly the share of SUBTLEX-US words more frequent
 * than the target. Rarer = larger. It orders items exactly as `rarity` does; rank rather than
 * log-rank because the targets' ranks spread evenly over 0–1 while their log-ranks bunch near the top.
 */
export function rarityFraction(rarity: number): number {
  if (!Number.isFinite(rarity) || rarity <= 0) return 0;
  return Math.min(10 ** rarity / (RANK_CEILING + 1), MAX_FRACTION);
}

/**
 * The default calibration: letters plus the rarity fraction, scaled linearly from the span of
 * letter counts onto 0–100: 100 × (f_let − 3 + fraction) / 18. Every 3-letter item lands in
 * [0, 5.6), every 20-letter item in [94.4, 100). Strictly increasing in f_let across letter counts
 * (the fraction is below 1), and within a letter count rarer words are harder. It uses only the
 * item's own values.
 */
export function calibrateAnagram(values: Record<string, number>): number {
  const letters = values['f_let'];
  if (letters === undefined || !Number.isFinite(letters)) {
    throw new Error('anagram calibration needs the difficulty value f_let');
  }
  const span = MAX_LETTERS - MIN_LETTERS + 1;
  const position = letters - MIN_LETTERS + rarityFraction(values['rarity'] ?? 0);
  return Math.min(100, Math.max(0, (100 * position) / span));
}
