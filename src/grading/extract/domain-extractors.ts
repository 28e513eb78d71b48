/**
 * One entry per domain: how to extract candidates, how to tell two candidates apart, and which
 * candidate to take when the response only mentions answers in passing (no marker, no emphasis).
 */
import type { DomainName, Item } from '../../core/item.js';
import { extractBlocks } from './blocks.js';
import type { Candidate } from './candidate.js';
import { digitsKey, extractNumbers } from './numbers.js';
import { extractOptions, optionKey, scienceContext } from './options.js';
import { extractPlaces, placeKey } from './places.js';
import { extractWords, wordKey } from './words.js';

/**
 * For answers only in passing: `last` (addition: a chain of working ends in its result), `first`
 * (locality: the place named first is the suggestion, later ones describe it), `all` (anagram: every
 * word made of the letters is offered), `single` (science: one option mentioned, or no commitment).
 */
export type PassingPolicy = 'last' | 'first' | 'all' | 'single';

export interface DomainExtractor {
  extract(text: string, item: Item | undefined, completion: boolean): Candidate[];
  key(value: string, item: Item | undefined): string;
  passing: PassingPolicy;
}

export const EXTRACTORS: Record<DomainName, DomainExtractor> = {
  addition: { extract: extractNumbers, key: digitsKey, passing: 'last' },
  anagram: { extract: extractWords, key: wordKey, passing: 'all' },
  locality: { extract: extractPlaces, key: placeKey, passing: 'first' },
  science: {
    extract: extractOptions,
    key: (v, item) => optionKey(v, scienceContext(item)),
    passing: 'single',
  },
  transforms: { extract: (text, item) => extractBlocks(text, item), key: (v) => v.trim(), passing: 'single' },
};
