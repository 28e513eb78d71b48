/** Realistic raw, chat and reasoning outputs for transforms, graded against real items. */
import { describe, expect, it } from 'vitest';
import type { Item } from '../core/item.js';
import { type Case, gradeCase, label } from './test-support/expect-grade.js';
import { itemsOf } from './test-support/items.js';

const items = await itemsOf('transforms', 60);
const item = items.find((i) => (i.gold as { type: string }).type === 'date-iso' && (i.gold as { output: string }).output.includes('\n')) as Item;
const single = items.find((i) => !(i.gold as { output: string }).output.includes('\n') && /\d/.test((i.gold as { output: string }).output) && !/json|csv/.test((i.gold as { type: string }).type)) as Item;
const out = (item.gold as { output: string }).output;
const one = (single.gold as { output: string }).output;
const reversed = out.split('\n').reverse().join('\n');

const cases: [Item, Case][] = [
  [item, { name: 'raw: the block, then a new instruction', response: `\n${out}\n\n### Instruction:\nSort these.`, expect: 'correct', mode: 'completion' }],
  [item, { name: 'raw: a lead-in, then the block', response: ` here you go!\n\n${out}\n\nHey, quick one.`, expect: 'correct', mode: 'completion' }],
  [item, { name: 'raw: writes the data again', response: `\n${item.input['data']}`, expect: 'echo', mode: 'completion' }],
  [item, { name: 'raw: an HTML page', response: '\n<html>\n<head><title>Untitled</title></head>\n</html>', expect: 'off-topic', mode: 'completion' }],
  [item, { name: 'chat: preamble, block, closing remark', response: `Sure! Here is the converted list:\n\n${out}\n\nLet me know if you need anything else!`, expect: 'correct' }],
  [item, { name: 'chat: fenced with a language', response: `\`\`\`text\n${out}\n\`\`\``, expect: 'correct' }],
  [item, { name: 'chat: records in the wrong order', response: `Here you go:\n\n${reversed}`, expect: out === reversed ? 'correct' : 'incorrect' }],
  [item, { name: 'chat: the data unchanged, presented as the result', response: `Here is the processed list:\n\n\`\`\`\n${item.input['data']}\n\`\`\``, expect: 'incorrect' }],
  [item, { name: 'chat: a Python script instead', response: "Here's a script that does it:\n\n```python\nimport sys\nfor line in sys.stdin:\n    print(line)\n```", expect: 'meta' }],
  [item, { name: 'chat: privacy refusal', response: "I'm unable to process this list, as it may contain personal information.", expect: 'refusal' }],
  [single, { name: 'chat: a single record in a sentence', response: `Sure! That's ${one}.`, expect: 'correct' }],
  [single, { name: 'chat: a single record in bold', response: `**${one}**`, expect: 'correct' }],
  [item, { name: 'reasoning: works through entries, then a final block', response: `<think>Convert each entry in turn.</think>\nWorking:\n- first entry done\n\nFinal answer:\n${out}`, expect: 'correct' }],
];

describe('transforms, realistic outputs', () => {
  it.each(cases.map(([i, c]) => [c.name, i, c] as [string, Item, Case]))('%s', (_n, i, c) => {
    const g = gradeCase(i, c);
    expect(label(g), g.rationale).toBe(c.expect);
  });
});
