import { describe, expect, it } from 'vitest';
import { cutContinuation, type EchoTest, promptOpening } from './completion-cut.js';

const PROMPT = 'What is 2000 + 2005?';
const opening = promptOpening(`${PROMPT}\n\nAnswer:`);
/** Echo test for these cases: a paragraph is prompt copy when it is the prompt's question. */
const echo: EchoTest = {
  test(text) {
    const rest = text.split(PROMPT).join('').trim();
    return rest === text.trim() ? 'none' : rest === '' ? 'all' : 'some';
  },
};
const cut = (text: string) => cutContinuation(text, 'completion', opening, echo);

describe('completion stop rule', () => {
  it('takes the prompt opening from its first word (two when it is short)', () => {
    expect(opening).toBe('What');
    expect(promptOpening('Calculate 57268 plus 1.')).toBe('Calculate');
    expect(promptOpening('Hi! I am here')).toBe('Hi! I');
    expect(promptOpening('57268 + 1 = ?')).toBeUndefined();
    expect(promptOpening('01/27/1973 today\n2/3/1999\n\nConvert', '01/27/1973 today\n2/3/1999')).toBeUndefined();
  });
  it.each([
    ['Question:', ' 4005\nQuestion: What is 12 + 30?\nAnswer: 42'],
    ['Q:', ' 4005\nQ: and 3 + 4?\nA: 7'],
    ['Human:', ' 4005\nHuman: thanks!'],
    ['###', ' 4005\n### Instruction:\nAdd 5 and 6.'],
  ])('cuts at a new question or turn on the next line (%s)', (_name, text) => {
    const r = cut(text);
    expect(r.text.trim()).toBe('4005');
    expect(r.reason).toBe('new-question');
  });
  it('ends the answer at the blank line after it (made-up sums, new exercises, explanations)', () => {
    expect(cut(' 9906163\n\n31415 + 27182 = 58597\n\n100000 + 1 = 100001')).toMatchObject({ text: ' 9906163', reason: 'blank-line' });
    expect(cut(' 4005\n\nExplanation: I added them.').text).toBe(' 4005');
  });
  it('keeps the paragraph after an introduction that ends with a colon', () => {
    expect(cut(' The sum is:\n\n4005\n\nNext one').text.trim()).toBe('The sum is:\n\n4005');
  });
  it('skips a paragraph that only repeats the prompt, then takes the answer after it', () => {
    expect(cut(` ${PROMPT}\n\n4005\n\nmore`).text.trim()).toBe(`${PROMPT}\n\n4005`);
  });
  it('cuts before the prompt template repeated with new values, even as the first paragraph', () => {
    const r = cut('\n\nWhat is 12 + 30?\n\nAnswer: 42');
    expect(r.text.trim()).toBe('');
    expect(r.reason).toBe('prompt-opening');
  });
  it('cuts at a repeated opening or a question line inside the answer paragraph', () => {
    expect(cut(' 4005\nWhat is 17 + 25?').reason).toBe('prompt-opening');
    expect(cut(' 4005\n2. 17 + 25 = ?\n42').reason).toBe('question-line');
    expect(cut(' Is it 4005? Yes.').reason).toBeNull();
  });
  it('in chat mode cuts only at a new turn, never at a heading or a blank line', () => {
    expect(cutContinuation('Let me add.\n\n### Final answer\n4005', 'chat', opening, echo).reason).toBeNull();
    expect(cutContinuation('4005\n\nUser: and 3 + 4?', 'chat', opening, echo).text.trim()).toBe('4005');
  });
});
