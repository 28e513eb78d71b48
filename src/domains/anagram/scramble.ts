import type { Rng } from '../../core/rng.js';
import type { OffensiveFilter } from './offensive.js';

/** How many shuffles to try before giving a word up (only tiny letter sets ever come close). */
export const MAX_SHUFFLES = 200;

/**
 * A random arrangement of the word's letters that is none of the valid solutions (so it is no
 * dictionary word at all) and has no offensive word inside it. Deterministic for the rng state.
 * Returns undefined when MAX_SHUFFLES shuffles all fail; the caller then skips the word.
 */
export function scrambleWord(
  rng: Rng,
  word: string,
  solutions: readonly string[],
  offensive: OffensiveFilter,
): string | undefined {
  const letters = [...word];
  for (let attempt = 0; attempt < MAX_SHUFFLES; attempt++) {
    const candidate = rng.shuffle(letters).join('');
    if (!solutions.includes(candidate) && !offensive.containsOffensive(candidate)) return candidate;
  }
  return undefined;
}
