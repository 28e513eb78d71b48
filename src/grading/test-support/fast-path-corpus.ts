/**
 * Test support: the texts the fast-path tests compare each shortcut with its plain form on — every
 * fixture response and prompt, synthetic responses of real items, and deterministic random texts
 * built from pieces that matter to the shortcuts under test.
 */
import { DOMAIN_NAMES } from '../../core/item.js';
import { loadFixtures } from '../fixtures/fixture-types.js';
import { itemsOf } from './items.js';
import { syntheticResponses } from './synthetic-responses.js';

export interface RandomTextOptions {
  /** How many texts. */
  count: number;
  seed: number;
  /** Each text joins 0 to maxPieces − 1 pieces. */
  maxPieces: number;
}

/** Deterministic pseudo-random texts, each a run of the given pieces. */
export function randomTexts(pieces: readonly string[], options: RandomTextOptions): string[] {
  let s = options.seed;
  const next = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: options.count }, () => {
    let t = '';
    const n = Math.floor(next() * options.maxPieces);
    for (let i = 0; i < n; i++) t += pieces[Math.floor(next() * pieces.length)] as string;
    return t;
  });
}

/** Fixture texts, synthetic responses (style offset `offset`) of three items per domain, then the random texts. */
export async function fastPathCorpus(pieces: readonly string[], offset: number, random: RandomTextOptions): Promise<string[]> {
  const texts: string[] = [];
  for (const f of loadFixtures()) texts.push(f.response, f.prompt ?? '');
  for (const domain of DOMAIN_NAMES) {
    for (const item of await itemsOf(domain, 3, 'fast-paths')) for (const s of syntheticResponses(item, offset)) texts.push(s.response, s.prompt);
  }
  return [...texts, ...randomTexts(pieces, random)];
}
