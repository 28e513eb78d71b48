/** Realistic raw, chat and reasoning outputs for science, graded against a real item. */
import { describe, expect, it } from 'vitest';
import type { Item } from '../core/item.js';
import { type Case, gradeCase, label } from './test-support/expect-grade.js';
import { itemsOf } from './test-support/items.js';

const item = (await itemsOf('science', 20))[0] as Item;
const gold = item.gold as { answer: string; answerText: string; options: string[] };
const letter = gold.answer;
const wrong = letter === 'A' ? 'B' : 'A';
const wrongText = gold.options['ABCD'.indexOf(wrong)] as string;

const cases: Case[] = [
  { name: 'raw: the letter, then a new question', response: ` ${letter}\n\nQuestion: Which gas do plants take in?`, expect: 'correct', mode: 'completion' },
  { name: 'raw: the option text only', response: ` ${gold.answerText}\n`, expect: 'correct', mode: 'completion' },
  { name: 'raw: the options again', response: `\n${item.input['options']}`, expect: 'echo', mode: 'completion' },
  { name: 'raw: more options made up', response: ' \nE. none of these\nF. all of these', expect: 'echo', mode: 'completion' },
  { name: 'chat: the letter', response: letter, expect: 'correct' },
  { name: 'chat: letter in parentheses in a sentence', response: `The correct answer is (${letter}).`, expect: 'correct' },
  { name: 'chat: bold letter and text', response: `**${letter}. ${gold.answerText}**`, expect: 'correct' },
  { name: 'chat: a letter that contradicts its text', response: `${letter}. ${wrongText}`, expect: 'incorrect' },
  { name: 'chat: wrong option', response: `The answer is ${wrong}.`, expect: 'incorrect' },
  { name: 'chat: two letters', response: `It's either ${letter} or ${wrong}.`, expect: 'incorrect' },
  { name: 'chat: none of the above', response: 'None of the above is correct.', expect: 'incorrect' },
  { name: 'chat: asks the level', response: 'What grade level is this worksheet for? The expected answer can differ.', expect: 'clarification' },
  {
    name: 'reasoning: analyses every option, then concludes',
    response: `Let's analyze each option:\nA. ${gold.options[0]} - possible\nB. ${gold.options[1]} - possible\nC. ${gold.options[2]} - unlikely\nD. ${gold.options[3]} - unlikely\n\nTherefore, the answer is ${letter}.`,
    expect: 'correct',
  },
  { name: 'reasoning: think block, then Answer:', response: `<think>Option ${wrong} is tempting, but no.</think>\n\nAnswer: ${letter}`, expect: 'correct' },
];

describe('science, realistic outputs', () => {
  it.each(cases.map((c) => [c.name, c] as [string, Case]))('%s', (_n, c) => {
    const g = gradeCase(item, c);
    expect(label(g), g.rationale).toBe(c.expect);
  });
});
