import { describe, expect, it } from 'vitest';
import type { Item } from '../../core/item.js';
import { additionItem } from '../test-support/items.js';
import { LOOSE, STATED } from './candidate.js';
import { extractWords } from './words.js';

const base = additionItem('1', '2');
const item: Item = { ...base, domain: 'anagram', input: { letters: 'tnslie', letters_spaced: 't n s l i e', letters_upper: 'TNSLIE', count: '6' }, gold: { word: 'silent', solutions: ['enlist', 'inlets', 'listen', 'silent', 'tinsel'] } };
const values = (text: string, tier = STATED): string[] => extractWords(text, item, false).filter((c) => c.tier === tier).map((c) => c.value.toLowerCase());

describe('anagram extractor', () => {
  it.each([
    ['silent', 'silent'],
    ['The word is "silent".', 'silent'],
    ['The unscrambled word is **SILENT**!', 'silent'],
    ["I think it's listen.", 'listen'],
    ['S-I-L-E-N-T', 'silent'],
    ['s i l e n t', 'silent'],
    ['Answer: tribal', 'tribal'],
  ])('%j → %s', (text, word) => {
    expect(values(text)).toContain(word);
  });
  it('finds words made of exactly the letters in passing', () => {
    expect(values('The letters tnslie spell out silent, a nice word.', LOOSE)).toEqual(['silent']);
  });
  it('never takes the scramble itself', () => {
    expect(extractWords('Letters: TNSLIE. The jumble "tnslie" is hard.', item, false)).toEqual([]);
  });
  it('groups alternatives', () => {
    const c = extractWords('It is either "silent" or "listen".', item, false).filter((x) => x.tier === STATED && x.how === 'answer-marker' || x.how === 'sentence');
    expect(c.length).toBeGreaterThan(0);
    const g = extractWords('Maybe silent or listen.', item, false).filter((x) => x.how === 'hedge');
    expect(g.map((x) => x.value)).toEqual(['silent', 'listen']);
    expect(new Set(g.map((x) => x.group)).size).toBe(1);
  });
});
