import { describe, expect, it } from 'vitest';
import { additionItem } from '../test-support/items.js';
import { FINAL, LOOSE, STATED } from './candidate.js';
import { extractNumbers } from './numbers.js';

const item = additionItem('2000', '2005');
const best = (text: string, completion = false): { value: string; tier: number } | undefined => {
  const c = extractNumbers(text, item, completion);
  const top = Math.max(...c.map((x) => x.tier));
  const pool = c.filter((x) => x.tier === top);
  return pool.sort((a, b) => a.pos - b.pos).at(-1);
};

describe('addition extractor', () => {
  it.each([
    ['4005', '4005', STATED],
    ['The sum is 4,005.', '4,005', STATED],
    ['The sum is 4 005.', '4 005', STATED],
    ["The sum is 4'005.", "4'005", STATED],
    ['**4005**', '4005', STATED],
    ['$\\boxed{4005}$', '4005', FINAL],
    ['Final answer: 4005', '4005', FINAL],
    ['**Final Answer**\n\n4005', '4005', FINAL],
    ['2000 + 2005 = 4005', '4005', STATED],
    ['The answer is four thousand and five.', '4005', STATED],
    ['four thousand and five', '4005', STATED],
    ['The sum is approximately 4.0e3', '4.0e3', STATED],
  ])('%j → %s', (text, value, tier) => {
    expect(best(text)).toMatchObject({ value, tier });
  });
  it('never returns an addend', () => {
    const c = extractNumbers('To add 2000 and 2005 we line them up.', item, false);
    expect(c.map((x) => x.value)).toEqual([]);
  });
  it('offers "X or Y" as one group of alternatives', () => {
    const c = extractNumbers('It could be 4005 or 4015.', item, false).filter((x) => x.tier === STATED);
    expect(c.map((x) => x.value)).toEqual(['4005', '4015']);
    expect(new Set(c.map((x) => x.group)).size).toBe(1);
  });
  it('reads the first line of a completion as the answer to the cue', () => {
    expect(best(' 4005 because I added them', true)).toMatchObject({ value: '4005', tier: STATED });
  });
  it('keeps implausibly short numbers out of passing mentions', () => {
    const big = additionItem('57268', '788092271334941418');
    const c = extractNumbers('I remember 3 bears and 20 apples.', big, false);
    expect(c).toEqual([]);
  });
  it('marks numbers only in passing as LOOSE', () => {
    expect(best('we get 4005 when adding')?.tier).toBe(STATED);
    expect(best('hmm 4005 hmm')).toMatchObject({ value: '4005', tier: LOOSE });
  });
});
