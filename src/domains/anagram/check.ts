import type { Item } from '../../core/item.js';
import type { AnagramGold } from './generate.js';

/** Whitespace, punctuation and symbols (quotes, asterisks, backticks, full stops…) at either end. */
const EDGES = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

/** `"Silent."` → `silent`: NFKC, trimmed, lowercased, surrounding punctuation and quotes removed. */
export function normaliseAnswer(answer: string): string {
  return answer.normalize('NFKC').trim().toLowerCase().replace(EDGES, '');
}

/** Correct iff the normalised answer is one of the item's valid solutions (any of them). */
export function checkAnagram(item: Item<AnagramGold>, answer: string): boolean {
  const word = normaliseAnswer(answer);
  return word.length > 0 && item.gold.solutions.includes(word);
}
