import { describe, expect, it } from 'vitest';
import { checkScienceAnswer, type ScienceGold } from './check.js';

const gold: ScienceGold = {
  answer: 'B',
  answerText: 'a bacterial population in the bloodstream',
  options: ['a leg muscle relaxing', 'a bacterial population in the bloodstream', 'viral particles on the skin', 'digestion'],
};

describe('checkScienceAnswer', () => {
  it('accepts the gold letter in the usual forms', () => {
    for (const a of ['B', 'b', '(B)', 'B.', 'B)', ' B ', '(b)']) expect(checkScienceAnswer(gold, a)).toBe(true);
  });

  it('rejects other letters and non-answers', () => {
    for (const a of ['A', '(C)', 'D.', 'E', '', 'BB', 'I do not know']) expect(checkScienceAnswer(gold, a)).toBe(false);
  });

  it('accepts the gold option text with whitespace, case and a final full stop normalised', () => {
    expect(checkScienceAnswer(gold, 'A bacterial   population in the\nbloodstream.')).toBe(true);
    expect(checkScienceAnswer(gold, 'a bacterial population')).toBe(false);
    expect(checkScienceAnswer(gold, 'viral particles on the skin')).toBe(false);
  });

  it('accepts the letter with the gold text, but not a letter with another option', () => {
    expect(checkScienceAnswer(gold, 'B. a bacterial population in the bloodstream')).toBe(true);
    expect(checkScienceAnswer(gold, '(B) a bacterial population in the bloodstream')).toBe(true);
    expect(checkScienceAnswer(gold, 'B. viral particles on the skin')).toBe(false);
    expect(checkScienceAnswer(gold, 'C. a bacterial population in the bloodstream')).toBe(false);
  });

  it('requires matching case when options differ only by case (genotypes)', () => {
    const genotypes: ScienceGold = { answer: 'C', answerText: 'Bb Bb', options: ['BB BB', 'BB Bb', 'Bb Bb', 'Bb bb'] };
    expect(checkScienceAnswer(genotypes, 'Bb Bb')).toBe(true);
    expect(checkScienceAnswer(genotypes, 'BB Bb')).toBe(false);
    expect(checkScienceAnswer(genotypes, 'bb bb')).toBe(false);
    expect(checkScienceAnswer(genotypes, 'c')).toBe(true);
  });
});
