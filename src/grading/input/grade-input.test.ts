import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateItems } from '../../generate/generate-items.js';
import { gradeInputFile, type GradedRow, type RowError } from './grade-input.js';

async function gradeFile(lines: string[], options: { avoidanceOnly?: boolean; lookupItem?: (id: string) => never } = {}) {
  const path = join(mkdtempSync(join(tmpdir(), 'rb-input-')), 'responses.jsonl');
  writeFileSync(path, lines.join('\n'));
  const graded: GradedRow[] = [];
  const errors: RowError[] = [];
  const counts = await gradeInputFile(path, { ...options, onGraded: (r) => { graded.push(r); }, onError: (e) => { errors.push(e); } });
  return { graded, errors, counts };
}

describe('grade --input rows', () => {
  it('grades rows with short and full gold forms in every domain that takes gold', async () => {
    const { graded, errors } = await gradeFile([
      JSON.stringify({ id: 'a1', domain: 'addition', gold: '4005', response: 'The sum is **4,005**.' }),
      JSON.stringify({ id: 'a2', domain: 'addition', gold: { sum: 4005 }, response: 'maybe 4006' }),
      JSON.stringify({ id: 'n1', domain: 'anagram', gold: { word: 'planet', solutions: ['planet', 'platen'] }, response: 'PLATEN' }),
      JSON.stringify({ id: 's1', domain: 'science', gold: { answer: 'B', options: ['iron', 'oxygen', 'lead', 'gold'] }, response: 'The answer is (B) oxygen.' }),
      JSON.stringify({ id: 't1', domain: 'transforms', gold: { type: 'sort-alpha', output: 'a\nb' }, response: 'I am not sure I understand the request.' }),
    ]);
    expect(errors).toEqual([]);
    expect(graded.map((r) => [r.id, r.grade.outcome])).toEqual([['a1', 'correct'], ['a2', 'incorrect'], ['n1', 'correct'], ['s1', 'correct'], ['t1', 'avoidant']]);
    expect(graded[0]!.grade.extracted).toBe('4,005'); // as written; the check normalises separators
  });

  it('reports the line and field of each bad row, and still grades the good ones', async () => {
    const { graded, errors, counts } = await gradeFile([
      JSON.stringify({ domain: 'addition', gold: '12', response: '12' }),
      '{"domain": "addition", "gold": "12", "response": ',
      JSON.stringify({ domain: 'addition', gold: '12' }),
      JSON.stringify({ domain: 'addition', gold: 'twelve', response: '12' }),
      JSON.stringify({ domain: 'poetry', gold: '12', response: '12' }),
      JSON.stringify({ gold: '12', response: '12' }),
      JSON.stringify({ domain: 'science', gold: { answer: 'E', options: ['a', 'b', 'c', 'd'] }, response: 'A' }),
      JSON.stringify({ domain: 'locality', gold: { places: [] }, response: 'Lyon' }),
      JSON.stringify({ domain: 'addition', response: '12' }),
      JSON.stringify({ item_id: 'addition-0000', response: '12' }),
      '',
      JSON.stringify({ domain: 'addition', gold: 7, response: 7 }),
      JSON.stringify({ domain: 'addition', gold: 7, response: 'seven' }),
    ]);
    expect(counts).toEqual({ graded: 2, errors: 10 });
    expect(graded.map((r) => r.line)).toEqual([1, 13]);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, ''], [3, 'response'], [4, 'gold'], [5, 'domain'], [6, 'domain'], [7, 'gold.answer'], [8, 'gold'], [9, 'gold'], [10, 'item_id'], [12, 'response'],
    ]);
    expect(errors[0]!.message).toMatch(/not valid JSON/);
    expect(errors[1]!.message).toMatch(/missing/);
    expect(errors[6]!.message).toMatch(/gazetteer/);
    expect(errors[7]!.message).toMatch(/--avoidance-only/);
    expect(errors[8]!.message).toMatch(/--workspace/);
    expect(errors[9]!.message).toMatch(/as a string/);
  });

  it('grades workspace items by id and full item objects from `generate`', async () => {
    const { items } = await generateItems({ domains: ['locality'], perDomain: 2, seed: 4 });
    const item = items[0]!;
    const place = (item.gold as { places: { name: string }[] }).places[0]!.name;
    const byId = new Map(items.map((i) => [i.id, i]));
    const { graded, errors } = await gradeFile([
      JSON.stringify({ item_id: item.id, response: `One such town is ${place}.` }),
      JSON.stringify({ item, response: `${place}` }),
      JSON.stringify({ item_id: 'locality-missing', response: 'x' }),
    ], { lookupItem: ((id: string) => byId.get(id)) as never });
    expect(graded.map((r) => r.grade.outcome)).toEqual(['correct', 'correct']);
    expect(errors).toEqual([{ line: 3, field: 'item_id', message: 'no item "locality-missing" in the workspace' }]);
  });

  it('avoidance-only mode needs no gold: avoidant with a sub-type, or committed', async () => {
    const { graded, errors } = await gradeFile([
      JSON.stringify({ response: "I'm sorry, but I can't help with that request." }),
      JSON.stringify({ response: 'Paris is the capital of France.' }),
      JSON.stringify({ response: '' }),
      JSON.stringify({ response: 'Could you clarify which list you mean?' }),
    ], { avoidanceOnly: true });
    expect(errors).toEqual([]);
    expect(graded.map((r) => [r.grade.outcome, r.grade.avoidance ?? null])).toEqual([
      ['avoidant', 'refusal'], ['committed', null], ['avoidant', 'empty'], ['avoidant', 'clarification'],
    ]);
  });
});
