import { describe, expect, it } from 'vitest';
import { continuesPromptList } from './list-shape.js';

describe('continuesPromptList', () => {
  const prompt = 'Anchor city: Lyon (France)\nSearch radius: 10 km\nMinimum population: 1,000\n\nAnswer:';
  it('sees more "Field: value" lines after a prompt made of them', () => {
    expect(continuesPromptList('Maximum population: 50,000\nCountry: same as anchor', prompt)).toBe(true);
  });
  it('sees more options after an option list', () => {
    expect(continuesPromptList('E. none of these\nF. all of these', 'Q?\nA. x\nB. y\nC. z\nD. w')).toBe(true);
  });
  it('needs two lines and the same shape in the prompt', () => {
    expect(continuesPromptList('Country: France', prompt)).toBe(false);
    expect(continuesPromptList('E. one\nF. two', prompt)).toBe(false);
  });
});
