import { describe, expect, it } from 'vitest';
import { analyse, type AnalyseOptions } from './analyse.js';
import { simulate, simulateTrials, type SimulatedRespondent } from './simulate.js';
import { nonFiniteNumbers, trialsFrom } from './test-support/trials.js';
import type { SupervisionJudgement } from './analysis-types.js';
import { Rng } from '../core/rng.js';

const base = { items: 200, midpoint: 50, scale: 12, avoidance: { easiest: 0.2, hardest: 0.4 } } as const;
const respondents: SimulatedRespondent[] = [
  { ...base, modelKey: 'small', domain: 'addition' },
  { ...base, modelKey: 'small', domain: 'science', midpoint: 30 },
  { ...base, modelKey: 'big', domain: 'addition', midpoint: 70 },
  { ...base, modelKey: 'big', domain: 'science', midpoint: 60 },
];
const trials = simulate(respondents, 'analyse-test');
const options: AnalyseOptions = {
  epsilon: 0.05,
  alpha: 0.05,
  bootstrapSamples: 50,
  seed: 'a',
  metadata: { small: { family: 'f', sizeB: 7, shaping: 'raw' }, big: { family: 'f', sizeB: 70, shaping: 'shaped' } },
};

describe('analyse', () => {
  const analysis = analyse(trials, options);

  it('is JSON-safe: a round trip through JSON changes nothing and no number is NaN or infinite', () => {
    expect(nonFiniteNumbers(analysis)).toEqual([]);
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
  });

  it('models sorted by key, domains in order, metadata attached, science has a guessing level', () => {
    expect(analysis.models.map((m) => m.modelKey)).toEqual(['big', 'small']);
    expect(analysis.models[0]!.domains.map((d) => [d.domain, d.randomGuess])).toEqual([['addition', null], ['science', 0.25]]);
    expect(analysis.models[1]!.metadata).toEqual(options.metadata!['small']);
    expect(analysis.models[0]!.overall.n).toBe(2 * 200 * 15);
    expect(analysis.settings).toEqual({ epsilon: 0.05, alpha: 0.05, bootstrapSamples: 50, seed: 'a', calibration: { addition: 'default', science: 'default' } });
  });

  it('orders the models by what they were built to be', () => {
    const [big, small] = analysis.models;
    expect(big!.overall.correctness.value).toBeGreaterThan(small!.overall.correctness.value);
    const trend = analysis.trends.find((t) => t.indicator === 'correctness' && t.axis === 'sizeB' && t.domain === 'all')!;
    expect(trend.points.map((p) => p.modelKey)).toEqual(['small', 'big']);
  });

  it('is deterministic and independent of trial order; a generator works like an array', () => {
    const shuffled = Rng.fromSeed('x', 'shuffle').shuffle(trials);
    expect(analyse(shuffled, options)).toEqual(analysis);
    const streamed = analyse((function* () { for (const r of respondents) yield* simulateTrials(r, 'analyse-test'); })(), options);
    expect(streamed).toEqual(analysis);
    expect(analyse(trials, { ...options, seed: 'b' })).not.toEqual(analysis);
  });

  it('with no bootstrap the intervals collapse onto the point values (hand-worked indicators)', () => {
    const a = analyse(trialsFrom([[10, 'cc'], [20, 'ci'], [30, 'ai'], [40, 'ii']]), { ...options, bootstrapSamples: 0 });
    const ind = a.models[0]!.domains[0]!.indicators;
    expect(ind.correctness).toEqual({ value: 3 / 8, low: 3 / 8, high: 3 / 8 });
    expect(ind.ultracrepidarian!.value).toBeCloseTo(0.8, 12);
    expect(ind.concordance!.value).toBeCloseTo(3 / Math.sqrt(10), 12);
    expect(ind.templateSpread).toBeCloseTo(0.25, 12);
  });

  it('recalibrates a rated domain with S1 ratings and reports it', () => {
    const items = trialsFrom([[10, 'c'], [20, 'i'], [30, 'c']]);
    const chosenValues = new Map([['item-0000', 1], ['item-0001', 2], ['item-0002', 3]]);
    const ratings = [
      { domain: 'addition' as const, itemId: 'item-0000', chosenValue: 1, rating: 80 },
      { domain: 'addition' as const, itemId: 'item-0002', chosenValue: 3, rating: 90 },
    ];
    const a = analyse(items, { ...options, ratings, chosenValues });
    expect(a.settings.calibration).toEqual({ addition: 's1-pava' });
    // Item values 1, 2, 3 → 80, 85 (interpolated), 90: bins 24, 25, 27.
    expect(a.models[0]!.domains[0]!.bins.map((b) => [b.bin, b.n])).toEqual([[24, 1], [25, 1], [27, 1]]);
    expect(() => analyse(items, { ...options, ratings })).toThrow(/chosen raw difficulty of item item-0001/);
  });

  it('adds supervision only where there are judgements', () => {
    const wrong = trials.find((t) => t.modelKey === 'big' && t.domain === 'science' && t.outcome === 'incorrect')!;
    const judgement: SupervisionJudgement = { ...wrong, verdict: 'correct' };
    const a = analyse(trials, { ...options, judgements: [judgement] });
    expect(a.models[0]!.domains[1]!.supervision!.bins).toHaveLength(1);
    expect(a.models[0]!.domains[0]!.supervision).toBeNull();
  });

  it('rejects settings that make no sense', () => {
    expect(() => analyse([], { ...options, epsilon: 0 })).toThrow(/epsilon/);
    expect(() => analyse([], { ...options, alpha: 1.5 })).toThrow(/alpha/);
    expect(() => analyse([], { ...options, bootstrapSamples: -1 })).toThrow(/bootstrapSamples/);
    expect(analyse([], options)).toEqual({ settings: { ...analysis.settings, calibration: {} }, models: [], trends: [] });
  });
});
