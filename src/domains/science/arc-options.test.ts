import { describe, expect, it } from 'vitest';
import { answerKeyIndex, splitArcQuestion } from './arc-options.js';

describe('splitArcQuestion', () => {
  it('splits a plain lettered question', () => {
    expect(splitArcQuestion('Which is a gas? (A) ice (B) steam (C) water (D) rock')).toEqual({
      stem: 'Which is a gas?',
      options: ['ice', 'steam', 'water', 'rock'],
      labelStyle: 'letters',
    });
  });

  it('keeps parentheses in the stem that are not labels', () => {
    const q = 'What is the length of the table (in meters) after the product(s) form? (A) 1 (B) 2 (C) 3 (D) 4';
    expect(splitArcQuestion(q)?.stem).toBe('What is the length of the table (in meters) after the product(s) form?');
  });

  it('is not fooled by a stem that mentions "(A)" and "(B)"', () => {
    const q = 'Statement (A) says ice melts; statement (B) says it boils. Which is true? (A) only A (B) only B (C) both (D) neither';
    const split = splitArcQuestion(q);
    expect(split?.stem).toBe('Statement (A) says ice melts; statement (B) says it boils. Which is true?');
    expect(split?.options).toEqual(['only A', 'only B', 'both', 'neither']);
  });

  it('is not fooled by an option that mentions an earlier label', () => {
    const q = 'Pick one. (A) vitamin (C) only (B) iron (C) zinc (D) both (A) and (B)';
    expect(splitArcQuestion(q)?.options).toEqual(['vitamin (C) only', 'iron', 'zinc', 'both (A) and (B)']);
  });

  it('reads labels with no space before them ("north?(A)")', () => {
    expect(splitArcQuestion('What points north?(A) electrical (B) heat (C) light (D) magnetic')?.options).toHaveLength(4);
  });

  it('reads digit labels, and 3- and 5-option questions', () => {
    expect(splitArcQuestion('A solid has (1) shape (2) no shape (3) gas (4) none')).toMatchObject({
      options: ['shape', 'no shape', 'gas', 'none'],
      labelStyle: 'digits',
    });
    expect(splitArcQuestion('Pick (A) x (B) y (C) z')?.options).toEqual(['x', 'y', 'z']);
    expect(splitArcQuestion('Pick (A) v (B) w (C) x (D) y (E) z')?.options).toEqual(['v', 'w', 'x', 'y', 'z']);
    expect(splitArcQuestion('Pick (1) x (2) y (3) z')?.options).toEqual(['x', 'y', 'z']);
  });

  it('prefers digit labels when they give more options than stray letters', () => {
    const q = 'Blood types (A) and (B) mix. Which results? (1) AB (2) O (3) A (4) B';
    expect(splitArcQuestion(q)).toMatchObject({ labelStyle: 'digits', options: ['AB', 'O', 'A', 'B'] });
  });

  it('returns undefined when there are no labels', () => {
    expect(splitArcQuestion('Explain photosynthesis.')).toBeUndefined();
  });
});

describe('answerKeyIndex', () => {
  it('maps letters and digits to the same index and rejects the rest', () => {
    expect(['A', 'b', 'C', 'D', 'E'].map(answerKeyIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(['1', '2', '3', '4', ' 5 '].map(answerKeyIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(['F', '0', '6', '', 'AB'].map(answerKeyIndex)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
