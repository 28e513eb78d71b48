import { describe, expect, it } from 'vitest';
import { isReliabenchError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { TRANSFORM_TYPE_NAMES } from './gold.js';
import { transformsDomain } from './index.js';

const generate = (seed: string | number, count: number) => transformsDomain.generate(Rng.fromSeed(seed, 'transforms'), { count });

describe('transforms generate', () => {
  it('is deterministic for a seed and differs for another seed', async () => {
    const a = await generate(7, 300);
    const b = await generate(7, 300);
    const c = await generate(8, 300);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.map((d) => d.input.data)).not.toEqual(c.map((d) => d.input.data));
  });

  it('returns exactly count distinct drafts with every type, round-robin', async () => {
    const drafts = await generate('distinct', 2000);
    expect(drafts).toHaveLength(2000);
    expect(new Set(drafts.map((d) => `${d.gold.type}\n${d.input.data}`)).size).toBe(2000);
    const n = TRANSFORM_TYPE_NAMES.length;
    for (let start = 0; start + n <= drafts.length; start += n) {
      expect(new Set(drafts.slice(start, start + n).map((d) => d.gold.type)).size).toBe(n);
    }
  });

  it('fills task, task_question and data, and keeps gold, source and difficulty consistent', async () => {
    for (const d of await generate('shape', 400)) {
      expect(Object.keys(d.input).sort()).toEqual(['data', 'task', 'task_question']);
      expect(d.input.task).toMatch(/^[A-Z].*\.$/s);
      expect(d.input.task_question).toMatch(/^[a-z]/);
      expect(d.input.task_question).not.toMatch(/[.?]$/);
      expect(d.input.task).toBe(`${(d.input.task_question as string).charAt(0).toUpperCase()}${(d.input.task_question as string).slice(1)}.`);
      expect(d.input.data?.length).toBeGreaterThan(0);
      expect(d.gold.output).not.toBe(d.input.data);
      expect(d.source.type).toBe(d.gold.type);
      expect(d.source.records).toBeGreaterThanOrEqual(1);
      expect(Object.keys(d.difficulty).sort()).toEqual(['f_wl', 'input_words', 'levenshtein', 'output_words']);
      for (const v of Object.values(d.difficulty)) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('spreads record counts from 1 to dozens', async () => {
    const records = (await generate('lengths', 1000)).map((d) => d.source.records as number);
    expect(Math.min(...records)).toBe(1);
    expect(Math.max(...records)).toBeGreaterThanOrEqual(40);
  });

  it('handles count 0 and rejects a bad count with a typed error', async () => {
    expect(await generate(1, 0)).toEqual([]);
    await expect(generate(1, -1)).rejects.toSatisfy((e: unknown) => isReliabenchError(e) && e.code === 'BAD_ARGUMENT');
    await expect(generate(1, 2.5)).rejects.toSatisfy((e: unknown) => isReliabenchError(e) && e.code === 'BAD_ARGUMENT');
  });
});
