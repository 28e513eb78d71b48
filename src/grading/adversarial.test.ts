/**
 * Issue 4, acceptance 2: the adversarial cases, each as a named test, on real items and prompts.
 */
import { describe, expect, it } from 'vitest';
import type { Item } from '../core/item.js';
import { grade } from './grade.js';
import { additionItem, itemsOf, promptFor } from './test-support/items.js';

const item = additionItem('2000', '2005');
const chat = (response: string, prompt = promptFor(item, 1, 'chat')) => grade({ item, response, prompt, mode: 'chat' });
const raw = (response: string, tpl = 1) => grade({ item, response, prompt: promptFor(item, tpl, 'completion'), mode: 'completion' });

describe('adversarial: the gold appearing only inside an echo of the prompt is not correct', () => {
  it('addition: a prompt that contains the sum, echoed back by a raw model', () => {
    const prompt = 'Check my homework: I wrote 2000 + 2005 = 4005. What is 2000 + 2005?\n\nAnswer:';
    const g = grade({ item, response: ' Check my homework: I wrote 2000 + 2005 = 4005. What is 2000 + 2005?', prompt, mode: 'completion' });
    expect(g.outcome).toBe('avoidant');
    expect(g.avoidance).toBe('echo');
  });
  it('addition: a chat model quoting that prompt back before declining', () => {
    const prompt = 'Check my homework: I wrote 2000 + 2005 = 4005. What is 2000 + 2005?';
    const g = chat('You said: "Check my homework: I wrote 2000 + 2005 = 4005." Sorry, I can\'t help with homework.', prompt);
    expect(g.outcome).toBe('avoidant');
    expect(g.avoidance).toBe('refusal');
  });
  it('addition: the addends echoed in a stacked layout are never an answer', () => {
    expect(raw('\n\n  2000\n+ 2005\n\n  2000\n+ 2005', 11)).toMatchObject({ outcome: 'avoidant', avoidance: 'echo' });
  });
  it('science: the options list echoed (the gold option text inside it) is not correct', async () => {
    const [sci] = await itemsOf('science', 1);
    const s = sci as Item;
    const prompt = promptFor(s, 1, 'completion');
    const g = grade({ item: s, response: ` ${s.input['question']}\n${s.input['options']}`, prompt, mode: 'completion' });
    expect(g).toMatchObject({ outcome: 'avoidant', avoidance: 'echo' });
  });
  it('transforms: a raw model writing the data again is an echo, not an answer', async () => {
    const items = await itemsOf('transforms', 10);
    const t = items[0] as Item;
    const g = grade({ item: t, response: `\n${t.input['data']}`, prompt: promptFor(t, 1, 'completion'), mode: 'completion' });
    expect(g).toMatchObject({ outcome: 'avoidant', avoidance: 'echo' });
  });
  it('anagram: the scramble written again after the cue is an echo', async () => {
    const [a] = await itemsOf('anagram', 1);
    const an = a as Item;
    const g = grade({ item: an, response: ` ${an.input['letters_upper']}\n\nLetters: ${an.input['letters_spaced']}`, prompt: promptFor(an, 2, 'completion'), mode: 'completion' });
    expect(g).toMatchObject({ outcome: 'avoidant', avoidance: 'echo' });
  });
});

describe('adversarial: "I\'m not sure, but maybe 4005" follows the hedge rule (a hedged single answer commits)', () => {
  it('correct when the hedged answer is right', () => {
    expect(chat("I'm not sure, but maybe 4005")).toMatchObject({ outcome: 'correct', ruleId: 'hedge-committed', extracted: '4005' });
  });
  it('incorrect when the hedged answer is wrong', () => {
    expect(chat("I'm not sure, but maybe 4015")).toMatchObject({ outcome: 'incorrect', ruleId: 'hedge-committed' });
  });
  it('avoidant when the response declines to guess and only hedges', () => {
    expect(chat("I won't guess. Maybe 4005, maybe not.")).toMatchObject({ outcome: 'avoidant', avoidance: 'epistemic', ruleId: 'hedge-declined' });
  });
  it('avoidant when the hedge comes with no answer', () => {
    expect(chat("I'm not sure.")).toMatchObject({ outcome: 'avoidant', avoidance: 'epistemic' });
  });
});

describe('adversarial: a correct answer followed by a different final answer uses the final one', () => {
  it('correct then a wrong final answer → incorrect', () => {
    expect(chat('The sum is 4005.\n\nHmm, let me recheck the carries.\n\nFinal answer: 4015')).toMatchObject({ outcome: 'incorrect', ruleId: 'final-answer-wins', extracted: '4015' });
  });
  it('wrong then a correct final answer → correct', () => {
    expect(chat('The sum is 4015. Wait, there is no carry there.\n\n**Final answer:** 4005')).toMatchObject({ outcome: 'correct', ruleId: 'final-answer-wins', extracted: '4005' });
  });
  it('a chain of thought with intermediate sums ends in its boxed answer', () => {
    const g = chat('Units: 0 + 5 = 5. Tens: 0 + 0 = 0. Hundreds: 0. Thousands: 2 + 2 = 4. So we get 4015? No: 4005.\n\n$$\\boxed{4005}$$');
    expect(g).toMatchObject({ outcome: 'correct', ruleId: 'final-answer-wins', extracted: '4005' });
  });
  it('numbers inside a think block never count', () => {
    expect(chat('<think>2000 + 2005 = 4015?</think>\nThe answer is 4005.')).toMatchObject({ outcome: 'correct', extracted: '4005' });
    expect(chat('<think>2000 + 2005 = 4005</think>\nThe answer is 4015.')).toMatchObject({ outcome: 'incorrect', extracted: '4015' });
  });
});

describe('adversarial: a refusal that also contains the answer follows its rule', () => {
  it('graded on the answer when it is stated as the answer', () => {
    expect(chat("I can't help you cheat on your homework, but the answer is 4005.")).toMatchObject({ outcome: 'correct', ruleId: 'refusal-with-answer' });
    expect(chat("I'm not allowed to do homework. **4015**")).toMatchObject({ outcome: 'incorrect', ruleId: 'refusal-with-answer' });
  });
  it('avoidant when the numbers are only the prompt\'s, quoted back', () => {
    expect(chat("I can't help with adding 2000 and 2005 for your homework.")).toMatchObject({ outcome: 'avoidant', avoidance: 'refusal' });
  });
  it('avoidant when an answer-like number is only mentioned in passing', () => {
    expect(chat("I'm sorry, I can't help with that; even 4005 people asking won't change it.")).toMatchObject({ outcome: 'avoidant', ruleId: 'avoidance-over-mention' });
  });
});

describe('several candidates', () => {
  it('"It could be 4005 or 4015" is incorrect, and so is a pair of right answers', async () => {
    expect(chat('It could be 4005 or 4015.')).toMatchObject({ outcome: 'incorrect', ruleId: 'several-candidates', extracted: '4005 | 4015' });
    const [a] = await itemsOf('anagram', 40);
    const an = (await itemsOf('anagram', 40)).find((x) => (x.gold as { solutions: string[] }).solutions.length > 1) ?? (a as Item);
    const [s1, s2] = (an.gold as { solutions: string[] }).solutions;
    if (s2 !== undefined) expect(grade({ item: an, response: `It's either "${s1}" or "${s2}".`, prompt: promptFor(an, 1, 'chat') })).toMatchObject({ outcome: 'incorrect', ruleId: 'several-candidates' });
  });
  it('a later single answer singles one out', () => {
    expect(chat('It could be 4005 or 4015. Checking the units column again: the answer is 4005.')).toMatchObject({ outcome: 'correct', ruleId: 'last-stated-wins' });
  });
});
