import { describe, expect, it } from 'vitest';
import type { Item } from '../../core/item.js';
import { additionItem } from '../test-support/items.js';
import { FINAL } from './candidate.js';
import { extractBlocks } from './blocks.js';

const base = additionItem('1', '2');
const item: Item = { ...base, domain: 'transforms', input: { task: 'Sort.', task_question: 'sort', data: 'mend\nPLANET\ndesert' }, gold: { type: 'sort-alpha', output: 'desert\nmend\nPLANET' } };
const json: Item = { ...item, gold: { type: 'csv-to-json', output: '[{"a":1}]' } };
const block = (text: string, it: Item = item): string | undefined => extractBlocks(text, it)[0]?.value;

describe('transforms extractor', () => {
  it('takes a bare block', () => {
    expect(block('desert\nmend\nPLANET')).toBe('desert\nmend\nPLANET');
  });
  it('strips a preamble and a closing remark', () => {
    expect(block('Sure! Here is the sorted list:\n\ndesert\nmend\nPLANET\n\nLet me know if you need anything else!')).toBe('desert\nmend\nPLANET');
  });
  it('prefers the last code fence, but never a program', () => {
    expect(block('Input:\n```\nmend\n```\nOutput:\n```text\ndesert\nmend\nPLANET\n```')).toBe('desert\nmend\nPLANET');
    expect(extractBlocks('Use this:\n```python\nprint(sorted(x))\n```', item)).toEqual([]);
  });
  it('takes the block after the last introducing line, and marks "Final answer" final', () => {
    const c = extractBlocks('Working: mend < PLANET.\n\nFinal answer:\ndesert\nmend\nPLANET', item)[0];
    expect(c).toMatchObject({ value: 'desert\nmend\nPLANET', tier: FINAL });
    expect(block('Result: desert')).toBe('desert');
  });
  it('finds the JSON array of a csv-to-json answer inside prose', () => {
    expect(block('The JSON is [{"a":1}] as requested.', json)).toBe('[{"a":1}]');
  });
  it('returns nothing for prose only', () => {
    expect(extractBlocks("I'm sorry, but I can't process this data right now.", item)).toEqual([]);
  });
});
