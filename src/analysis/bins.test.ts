import { describe, expect, it } from 'vitest';
import { binCounts, binRange, binShares, templateBinCounts, templateCurves, templateSpreads } from './bins.js';
import { itemAggregates } from './item-aggregates.js';
import { groupTrials } from './trial-table.js';
import { trialsFrom } from './test-support/trials.js';
import { wilson } from './stats/wilson.js';

// Bin 0 (difficulty 1, 2): 'cci', 'cia' → 3 c, 1 a, 2 i. Bin 29 (difficulty 99): 'ccc'.
const table = groupTrials(trialsFrom([[1, 'cci'], [2, 'cia'], [99, 'ccc']]))[0]!;

describe('bins', () => {
  it('binRange covers 0–100 in 30 equal steps', () => {
    expect(binRange(0)).toEqual({ from: 0, to: 100 / 30 });
    expect(binRange(29).to).toBe(100);
  });

  it('lists non-empty bins only, with Wilson intervals over the bin\'s trials', () => {
    const bins = binShares(binCounts(itemAggregates(table)));
    expect(bins.map((b) => b.bin)).toEqual([0, 29]);
    expect(bins[0]).toMatchObject({ n: 6, correct: wilson(3, 6), avoidant: wilson(1, 6), incorrect: wilson(2, 6) });
    expect(bins[1]!.correct.value).toBe(1);
  });

  it('per-template curves: overall and per bin', () => {
    const curves = templateCurves(table, templateBinCounts(table), new Set(['addition-03']));
    expect(curves.map((c) => [c.templateId, c.overall.n, c.overall.correct.value, c.flagged])).toEqual([
      ['addition-01', 3, 1, false],
      ['addition-02', 3, 2 / 3, false],
      ['addition-03', 3, 1 / 3, true],
    ]);
    expect(curves[2]!.bins.map((b) => [b.bin, b.incorrect.value])).toEqual([[0, 0.5], [29, 0]]);
  });

  it('template spread per bin: max − min of per-template correctness', () => {
    // Bin 0: template correctness 1, 0.5, 0 → spread 1; bin 29: all 1 → 0.
    expect(templateSpreads(3, templateBinCounts(table))).toEqual([1, 0]);
  });
});
