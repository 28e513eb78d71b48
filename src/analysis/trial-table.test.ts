import { describe, expect, it } from 'vitest';
import { groupTrials, OUTCOMES } from './trial-table.js';
import { itemAggregates, concatAggregates } from './item-aggregates.js';
import { trialsFrom } from './test-support/trials.js';
import type { GradedTrial } from './analysis-types.js';

describe('groupTrials', () => {
  const trials = [
    ...trialsFrom([[10, 'cci'], [50, 'aii']], { modelKey: 'b' }),
    ...trialsFrom([[20, 'cc']], { modelKey: 'a', domain: 'science' }),
    ...trialsFrom([[30, 'c']], { modelKey: 'a' }),
  ];

  it('makes one table per model × domain, sorted by model then domain', () => {
    const tables = groupTrials(trials);
    expect(tables.map((t) => `${t.modelKey}/${t.domain}`)).toEqual(['a/addition', 'a/science', 'b/addition']);
    expect(tables.map((t) => t.trials)).toEqual([1, 2, 6]);
  });

  it('counts outcomes per item × template cell', () => {
    const b = groupTrials(trials)[2]!;
    expect(b.itemIds).toEqual(['item-0000', 'item-0001']);
    expect(b.templateIds).toEqual(['addition-01', 'addition-02', 'addition-03']);
    // item 1, template 3 ('i') → incorrect; item 2, template 1 ('a') → avoidant.
    expect(b.cells[(0 * 3 + 2) * OUTCOMES + 2]).toBe(1);
    expect(b.cells[(1 * 3 + 0) * OUTCOMES + 1]).toBe(1);
    expect(Array.from(b.cells).reduce((s, x) => s + x, 0)).toBe(6);
    expect(Array.from(b.difficulty)).toEqual([10, 50]);
    expect(Array.from(b.bin)).toEqual([3, 15]);
  });

  it('does not depend on the order trials arrive in', () => {
    const shuffled = trials.slice().reverse();
    expect(groupTrials(shuffled)).toEqual(groupTrials(trials));
  });

  it('rejects an unknown outcome, an off-axis difficulty and an item with two difficulties', () => {
    const one = trialsFrom([[10, 'c']])[0]!;
    expect(() => groupTrials([{ ...one, outcome: 'wrong' as GradedTrial['outcome'] }])).toThrow(/unknown outcome/);
    expect(() => groupTrials([{ ...one, difficulty: 120, bin: 29 }])).toThrow(/off the 0–100 axis/);
    expect(() => groupTrials([one, { ...one, templateId: 'x', difficulty: 11 }])).toThrow(/two difficulties/);
    expect(() => groupTrials([{ ...one, domain: 'poetry' as GradedTrial['domain'] }])).toThrow(/unknown domain/);
  });
});

describe('itemAggregates', () => {
  it('sums an item over its templates, with the std of per-template correctness and template dependence', () => {
    const [table] = groupTrials(trialsFrom([[10, 'cc'], [20, 'ci'], [30, 'ai'], [40, 'ii']]));
    const items = itemAggregates(table!);
    expect(Array.from(items.n)).toEqual([2, 2, 2, 2]);
    expect(Array.from(items.correct)).toEqual([2, 1, 0, 0]);
    expect(Array.from(items.avoidant)).toEqual([0, 0, 1, 0]);
    expect(Array.from(items.templateStd)).toEqual([0, 0.5, 0, 0]);
    // 'ai' depends on the template (avoidant vs incorrect) although its correctness does not.
    expect(Array.from(items.templateDependent)).toEqual([0, 1, 1, 0]);
  });

  it('compares template shares, not raw counts, when templates have different sample counts', () => {
    const base = trialsFrom([[10, 'ci']]);
    // Template 1: 2 correct of 2 samples; template 2: 1 correct + 1 incorrect → different shares.
    const twoSamples = [...base, { ...base[0]!, sample: 1 }, { ...base[0]!, templateId: base[1]!.templateId, sample: 1, outcome: 'correct' as const }];
    expect(itemAggregates(groupTrials(twoSamples)[0]!).templateDependent[0]).toBe(1);
    const same = [base[0]!, { ...base[0]!, sample: 1 }, { ...base[0]!, templateId: base[1]!.templateId }];
    expect(itemAggregates(groupTrials(same)[0]!).templateDependent[0]).toBe(0);
  });

  it('concatenates groups in order', () => {
    const [a, b] = groupTrials([...trialsFrom([[10, 'c']], { modelKey: 'a' }), ...trialsFrom([[20, 'i'], [30, 'a']], { modelKey: 'b' })]);
    const all = concatAggregates([itemAggregates(a!), itemAggregates(b!)]);
    expect(all.count).toBe(3);
    expect(Array.from(all.difficulty)).toEqual([10, 20, 30]);
    expect(Array.from(all.incorrect)).toEqual([0, 1, 0]);
  });
});
