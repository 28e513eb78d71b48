/**
 * Realistic responses of raw, chat and reasoning models for any item, for the throughput benchmark
 * and broad smoke tests: correct and wrong answers in many formats, run-on completions, echoes,
 * hedges, refusals and chains of thought. (The hand-labelled fixtures are elsewhere.)
 */
import type { Item } from '../../core/item.js';
import type { RenderMode } from '../../core/template.js';
import { promptFor } from './items.js';

export interface Synthetic {
  response: string;
  prompt: string;
  mode: RenderMode;
}

function wrongDigits(s: string): string {
  const i = Math.floor(s.length / 2);
  return `${s.slice(0, i)}${s[i] === '7' ? '3' : '7'}${s.slice(i + 1)}`;
}

function grouped(s: string): string {
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function answersOf(item: Item): { right: string; wrong: string } {
  const g = item.gold as Record<string, unknown>;
  switch (item.domain) {
    case 'addition': return { right: g['sum'] as string, wrong: wrongDigits(g['sum'] as string) };
    case 'anagram': return { right: g['word'] as string, wrong: `${(g['word'] as string).slice(1)}${(g['word'] as string)[0]}s` };
    case 'locality': {
      const places = g['places'] as { name: string }[];
      return { right: (places[0] as { name: string }).name, wrong: 'Springfield' };
    }
    case 'science': {
      const letter = g['answer'] as string;
      return { right: letter, wrong: letter === 'A' ? 'B' : 'A' };
    }
    case 'transforms': {
      const out = g['output'] as string;
      return { right: out, wrong: out.split('\n').reverse().join('\n') === out ? `${out}\nx` : out.split('\n').reverse().join('\n') };
    }
  }
}

/** About twenty responses for one item, cycling through templates and modes. */
export function syntheticResponses(item: Item, seed: number): Synthetic[] {
  const { right, wrong } = answersOf(item);
  const tpl = (k: number): number => ((seed + k) % 15) + 1;
  const chat = (response: string, k: number): Synthetic => ({ response, prompt: promptFor(item, tpl(k), 'chat'), mode: 'chat' });
  const raw = (response: string, k: number): Synthetic => ({ response, prompt: promptFor(item, tpl(k), 'completion'), mode: 'completion' });
  const multi = item.domain === 'transforms';
  const shown = item.domain === 'addition' ? grouped(right) : right;
  const chain = item.domain === 'addition'
    ? `Let's add column by column.\n\n${item.input['a']}\n+ ${item.input['b']}\n\nUnits: carry 1 where needed. Working left to right we get ${wrong} at first, but rechecking the carries gives the final value.\n\nFinal answer: ${right}`
    : `Let me think step by step about this task. First I consider the options carefully and rule out the unlikely ones.\n\nFinal answer: ${multi ? `\n${right}` : right}`;
  return [
    chat(right, 0),
    chat(multi ? `Sure! Here is the result:\n\n${right}\n\nLet me know if you need anything else!` : `The answer is ${shown}.`, 1),
    chat(multi ? `\`\`\`\n${right}\n\`\`\`` : `**${right}**`, 2),
    chat(multi ? `Here you go:\n\n${wrong}` : `Sure! The answer is **${wrong}**. Let me know if you have other questions.`, 3),
    chat(`<think>\nHmm, maybe ${wrong}? Let me double-check. Actually no.\n</think>\n\n${multi ? right : `The answer is ${right}.`}`, 4),
    chat(chain, 5),
    chat(multi ? `I'm not completely sure, but I think this is it:\n${right}` : `I'm not sure, but maybe ${right}.`, 6),
    chat(multi ? `${right}\n\nNote: I assumed the input was complete.` : `It could be ${right} or ${wrong}.`, 7),
    chat("I'm sorry, but I can't help with that request.", 8),
    chat("I don't know the answer to this one, sorry.", 9),
    chat('Could you clarify what format you would like the answer in?', 10),
    chat(`To solve this, you need to look carefully at the input and apply the rule to each part. It is a good exercise for practice.`, 11),
    raw(` ${right}\n\nQuestion: What is the capital of France?\nAnswer: Paris`, 12),
    raw(multi ? `\n${wrong}\n\n### Instruction:` : ` ${wrong}\n\nQ: Another question?\nA: Yes`, 13),
    raw(`\n\n${promptFor(item, tpl(14), 'completion')}`, 14),
    raw('\n\nQuestion: Which animal is the largest?\nAnswer: The blue whale.', 0),
    raw(' Once upon a time, in a small village, there lived an old man who loved to tell stories to the children.', 1),
    raw(multi ? `\n${right}` : ` ${right}.`, 2),
    chat(`$\\boxed{${multi ? right.split('\n')[0] : right}}$`, 3),
    chat('', 4),
  ];
}
