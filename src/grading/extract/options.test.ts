import { describe, expect, it } from 'vitest';
import type { Item } from '../../core/item.js';
import { additionItem } from '../test-support/items.js';
import { LOOSE, STATED } from './candidate.js';
import { extractOptions } from './options.js';

const base = additionItem('1', '2');
const item: Item = {
  ...base,
  domain: 'science',
  input: { question: 'Which organism makes its own food?', options: 'A. deer\nB. grass\nC. fungus\nD. hawk', options_inline: '(A) deer (B) grass (C) fungus (D) hawk' },
  gold: { answer: 'B', answerText: 'grass', options: ['deer', 'grass', 'fungus', 'hawk'] },
};
const stated = (text: string): string[] => extractOptions(text, item, false).filter((c) => c.tier >= STATED).map((c) => c.value);

describe('science extractor', () => {
  it.each([
    ['B', 'B'],
    ['(B)', 'B'],
    ['B)', 'B'],
    ['b', 'B'],
    ['The answer is B.', 'B'],
    ['The correct answer is (B).', 'B'],
    ['Answer: B', 'B'],
    ['**B. grass**', 'B. grass'],
    ['B) grass', 'B. grass'],
    ['grass', 'grass'],
    ["I'd go with B.", 'B'],
    ['Option B is correct.', 'B'],
    ['The answer is B because grass uses photosynthesis.', 'B'],
    ['The answer is A because deer eat plants? No wait.', 'A'],
  ])('%j → %s', (text, value) => {
    expect(stated(text)).toContain(value);
  });
  it('pairs a letter with a different option text so the check can see the contradiction', () => {
    expect(stated('B. deer')).toContain('B. deer');
  });
  it('does not read the article "A" as an option letter', () => {
    expect(stated('The answer is A plant that makes food.')).not.toContain('A');
  });
  it('treats several option-labelled lines as an analysis, not an answer', () => {
    const c = extractOptions('A. deer - eats plants\nB. grass - makes food\nC. fungus - decomposer', item, false);
    expect(c.filter((x) => x.how === 'bare-line').every((x) => x.tier === LOOSE)).toBe(true);
  });
  it('groups "B or C"', () => {
    const c = extractOptions('I think it is B or C.', item, false).filter((x) => x.how === 'hedge');
    expect(c.map((x) => x.value)).toEqual(['B', 'C']);
  });
});
