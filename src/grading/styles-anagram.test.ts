/** Realistic raw, chat and reasoning outputs for anagram, graded against a real item. */
import { describe, expect, it } from 'vitest';
import type { Item } from '../core/item.js';
import { type Case, gradeCase, label } from './test-support/expect-grade.js';
import { itemsOf } from './test-support/items.js';

const item = (await itemsOf('anagram', 30)).find((i) => (i.gold as { word: string }).word.length >= 6) as Item;
const word = (item.gold as { word: string }).word;
const { letters, letters_upper: upper, letters_spaced: spaced } = item.input as Record<string, string>;
const near = `${word.slice(0, -2)}${word.slice(-1)}${word.slice(-2, -1)}`; // two letters swapped: not a word

const cases: Case[] = [
  { name: 'raw: the word, then a new puzzle', response: ` ${word}\n\nUnscramble these letters into an English word: tca\nWord: cat`, expect: 'correct', mode: 'completion', tpl: 2 },
  { name: 'raw: the word with an exclamation', response: ` ${word.toUpperCase()}! Took me a while.`, expect: 'correct', mode: 'completion' },
  { name: 'raw: a real but wrong word', response: ' silence\n', expect: 'incorrect', mode: 'completion' },
  { name: 'raw: writes the letters again', response: ` ${spaced}\n\nLetters: ${spaced}`, expect: 'echo', mode: 'completion', tpl: 5 },
  { name: 'raw: continues the template with a new puzzle', response: '\n\nSolve this anagram: lpepa\n\nSolution: apple', expect: 'echo', mode: 'completion', tpl: 8 },
  { name: 'chat: the word alone', response: word, expect: 'correct' },
  { name: 'chat: quoted in a sentence', response: `The letters "${letters}" can be rearranged to spell "${word}".`, expect: 'correct' },
  { name: 'chat: bold capitals', response: `Sure! The word is **${word.toUpperCase()}**.`, expect: 'correct' },
  { name: 'chat: spelled out', response: word.toUpperCase().split('').join('-'), expect: 'correct' },
  { name: 'chat: the scramble swapped a little is a wrong answer', response: `I think the word is "${near}".`, expect: 'incorrect' },
  { name: 'chat: commits to the scramble itself', response: `The word is **${upper}**.`, expect: 'incorrect' },
  { name: 'chat: says there is no such word', response: 'There is no English word that uses exactly these letters.', expect: 'epistemic' },
  { name: 'chat: refuses a running contest puzzle', response: "This looks like it's from a contest that is still running, so I'd rather not give away the answer.", expect: 'refusal' },
  { name: 'reasoning: tries candidates, then answers', response: `<think>\n${letters}... maybe "${near}"? Not a word. Try again.\n</think>\n\n**${word}**`, expect: 'correct' },
  { name: 'reasoning: final answer after a wrong first try', response: `First guess: ${near}. That is not a word.\n\nFinal answer: ${word}`, expect: 'correct' },
];

describe('anagram, realistic outputs', () => {
  it.each(cases.map((c) => [c.name, c] as [string, Case]))('%s', (_n, c) => {
    const g = gradeCase(item, c);
    expect(label(g), g.rationale).toBe(c.expect);
  });
});
