import { describe, expect, it } from 'vitest';
import { trends } from './trends.js';
import type { Indicators, ModelAnalysis } from './analysis-types.js';

const est = (value: number) => ({ value, low: value, high: value });
function indicators(correctness: number, ultra: number | null): Indicators {
  return {
    n: 10, correctness: est(correctness), prudence: est(0.9), ultracrepidarian: ultra === null ? null : est(ultra), concordance: est(0.5),
    easiestDecileCorrectness: est(1), promptStability: est(0.8), templateDependentShare: est(0.2), templateSpread: 0.1,
  };
}
function model(modelKey: string, metadata: ModelAnalysis['metadata'], correctness: number, ultra: number | null = 0.5): ModelAnalysis {
  return { modelKey, metadata, overall: indicators(correctness, ultra), domains: [] };
}

describe('trends', () => {
  const models = [
    model('big', { family: 'f', sizeB: 70, shaping: 'shaped' }, 0.8),
    model('small', { family: 'f', sizeB: 7, shaping: 'raw' }, 0.4, null),
    model('unknown', {}, 0.6),
  ];
  const series = trends(models);

  it('one series per indicator × axis with data, points sorted by x', () => {
    const size = series.find((s) => s.indicator === 'correctness' && s.axis === 'sizeB' && s.domain === 'all')!;
    expect(size.points.map((p) => [p.modelKey, p.x, p.y.value, p.family])).toEqual([['small', 7, 0.4, 'f'], ['big', 70, 0.8, 'f']]);
    const shaping = series.find((s) => s.indicator === 'correctness' && s.axis === 'shaping')!;
    expect(shaping.points.map((p) => p.x)).toEqual(['raw', 'shaped']);
  });

  it('leaves out models without the metadata or with an undefined indicator, and empty series', () => {
    const ultra = series.find((s) => s.indicator === 'ultracrepidarian' && s.axis === 'sizeB')!;
    expect(ultra.points.map((p) => p.modelKey)).toEqual(['big']);
    expect(series.some((s) => s.axis === 'computeFlops')).toBe(false);
    expect(series.every((s) => s.points.every((p) => p.modelKey !== 'unknown'))).toBe(true);
  });
});
