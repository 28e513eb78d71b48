import { describe, expect, it } from 'vitest';
import { parseNumberWords } from './number-words.js';

describe('parseNumberWords', () => {
  it.each([
    ['four thousand and five', '4005'],
    ['forty-two', '42'],
    ['ninety nine', '99'],
    ['a hundred and five', '105'],
    ['one million two hundred thousand', '1200000'],
    ['twenty-one thousand, three hundred and forty-five', '21345'],
    ['three trillion', '3000000000000'],
    ['zero', '0'],
  ])('%s → %s', (words, digits) => {
    expect(parseNumberWords(words)).toBe(digits);
  });
  it.each(['twelve hundred', 'one two', 'thousand thousand', 'forty fifty', 'hundred'])('rejects the ill-formed "%s"', (words) => {
    expect(parseNumberWords(words)).toBeNull();
  });
});
