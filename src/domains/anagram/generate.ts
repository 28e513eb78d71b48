import type { ItemDraft } from '../../core/item.js';
import type { Rng } from '../../core/rng.js';
import { ReliabenchError } from '../../core/errors.js';
import type { Lexicon, TargetWord } from './lexicon.js';
import { anagramDifficulty } from './difficulty.js';
import { scrambleWord } from './scramble.js';

export interface AnagramGold {
  /** The target word the scramble was made from. */
  word: string;
  /** Every dictionary word with exactly these letters, sorted; includes `word`. Any one is correct. */
  solutions: string[];
}

/**
 * `count` items with distinct letter sets (so distinct targets and distinct inputs), deterministic
 * for the rng state. Sampling: pick a letter count uniformly among the counts that still have unused
 * targets, then an unused target of that length uniformly. Short of targets for a length, that length
 * drops out and the others share its draws; when every target is used, fewer than `count` items
 * come back (about 43,000 are possible).
 */
export function generateAnagrams(rng: Rng, count: number, lexicon: Lexicon): ItemDraft<AnagramGold>[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new ReliabenchError('BAD_ARGUMENT', `the item count must be a whole number ≥ 0, not ${count}`, { input: String(count) });
  }
  const pools: TargetWord[][] = lexicon.targetsByLength.map((list) => list.slice());
  const lengths: number[] = [];
  pools.forEach((pool, letters) => {
    if (pool.length > 0) lengths.push(letters);
  });

  const drafts: ItemDraft<AnagramGold>[] = [];
  while (drafts.length < count && lengths.length > 0) {
    const li = rng.int(0, lengths.length - 1);
    const pool = pools[lengths[li]!]!;
    const pi = rng.int(0, pool.length - 1);
    const target = pool[pi]!;
    pool[pi] = pool[pool.length - 1]!;
    pool.pop();
    if (pool.length === 0) lengths.splice(li, 1);

    const solutions = lexicon.solutionsOf(target.word);
    const letters = scrambleWord(rng, target.word, solutions, lexicon.offensive);
    if (letters === undefined) continue;
    drafts.push(draftOf(target, letters, solutions));
  }
  return drafts;
}

function draftOf(target: TargetWord, letters: string, solutions: string[]): ItemDraft<AnagramGold> {
  return {
    input: {
      letters,
      letters_spaced: [...letters].join(' '),
      letters_upper: letters.toUpperCase(),
      count: String(letters.length),
    },
    gold: { word: target.word, solutions },
    difficulty: anagramDifficulty(letters.length, target.rank, solutions.length),
    source: { word: target.word, frequencyRank: target.rank, frequencyCount: target.count },
  };
}
