/** Realistic raw, chat and reasoning outputs for addition, graded against a real 95-digit item. */
import { describe, expect, it } from 'vitest';
import type { Item } from '../core/item.js';
import { type Case, gradeCase, label } from './test-support/expect-grade.js';
import { itemsOf } from './test-support/items.js';

const items = await itemsOf('addition', 40);
const item = items.reduce((a, b) => ((b.gold as { sum: string }).sum.length > (a.gold as { sum: string }).sum.length ? b : a)) as Item;
const sum = (item.gold as { sum: string }).sum;
const { a, b } = item.input as { a: string; b: string };
const wrong = `${sum.slice(0, -3)}${sum.slice(-3) === '999' ? '998' : '999'}`;
const grouped = sum.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const cases: Case[] = [
  { name: 'raw: the sum, then a made-up next question', response: ` ${sum}\n\nQuestion: What is 12 + 30?\nAnswer: 42`, expect: 'correct', mode: 'completion' },
  { name: 'raw: the sum, then more sums in the same format', response: ` ${sum}\n\n31415 + 27182 = 58597\n\n1 + 1 = 2`, expect: 'correct', mode: 'completion', tpl: 4 },
  { name: 'raw: a wrong sum, then a new exercise', response: ` ${wrong}\nCalculate 5 plus 7.\nResult: 12`, expect: 'incorrect', mode: 'completion', tpl: 8 },
  { name: 'raw: repeats the question', response: ` What is ${a} + ${b}?\n\nWhat is ${a} + ${b}?`, expect: 'echo', mode: 'completion' },
  { name: 'raw: starts a new question straight away', response: '\n\nQuestion: What is 7 + 8?\nAnswer: 15', expect: 'off-topic', mode: 'completion' },
  { name: 'raw: rambles off topic', response: ' Once upon a time, my grandfather kept 3 ledgers in the attic.', expect: 'off-topic', mode: 'completion' },
  { name: 'chat: bare number', response: sum, expect: 'correct' },
  { name: 'chat: with thousands separators in a sentence', response: `The sum is ${grouped}.`, expect: 'correct' },
  { name: 'chat: markdown bold with a polite opener', response: `Sure! ${a} + ${b} = **${sum}**. Let me know if you need anything else!`, expect: 'correct' },
  { name: 'chat: LaTeX boxed', response: `$$${a} + ${b} = \\boxed{${sum}}$$`, expect: 'correct' },
  { name: 'chat: code fence', response: `Here is the result:\n\n\`\`\`\n${sum}\n\`\`\``, expect: 'correct' },
  { name: 'chat: a confident wrong answer', response: `The total is ${wrong}.`, expect: 'incorrect' },
  { name: 'chat: scientific notation is not the exact sum', response: 'That is approximately 7.88 × 10^94.', expect: 'incorrect' },
  { name: 'chat: declines', response: "I'm sorry, but I can't reliably add numbers with this many digits.", expect: 'epistemic' },
  { name: 'chat: asks back', response: 'Do you want the exact value or a rounded one?', expect: 'clarification' },
  { name: 'chat: explains the method only', response: 'To add two large numbers, write one under the other, then add each column from the right and carry the ones.', expect: 'meta' },
  {
    name: 'reasoning: a think block with wrong intermediate values, then the answer',
    response: `<think>\nLet me add column by column. First try gives ${wrong}... no, I dropped a carry.\n</think>\n\nThe sum is ${sum}.`,
    expect: 'correct',
  },
  {
    name: 'reasoning: a long chain of thought ending in a final answer',
    response: `Let's line the numbers up.\n\n${a}\n+ ${b}\n\nUnits: 1 + 8 = 9, write 9.\nTens: 4 + 6 = 10, write 0 carry 1.\n... continuing the same way for every column ...\n\nFinal answer: ${sum}`,
    expect: 'correct',
  },
  { name: 'reasoning: ran out of tokens inside the think block', response: '<think>\nUnits first: 8 + 3 = 11, carry 1. Tens: 4 + 9 + 1 = 14', expect: 'meta' },
];

describe('addition, realistic outputs', () => {
  it.each(cases.map((c) => [c.name, c] as [string, Case]))('%s', (_n, c) => {
    const g = gradeCase(item, c);
    expect(label(g), g.rationale).toBe(c.expect);
  });
});
