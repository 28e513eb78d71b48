import { describe, expect, it } from 'vitest';
import { supervision } from './supervision.js';
import { BIN_COUNT } from '../core/item.js';
import type { SupervisionJudgement } from './analysis-types.js';
import { wilson } from './stats/wilson.js';

function judgement(bin: number, outcome: SupervisionJudgement['outcome'], verdict: SupervisionJudgement['verdict'], itemId = `i${bin}`): SupervisionJudgement {
  return { modelKey: 'm', domain: 'addition', itemId, templateId: 'addition-01', sample: 0, difficulty: bin * 3.4, bin, outcome, verdict };
}

function repeat<T>(n: number, make: () => T): T[] {
  return Array.from({ length: n }, make);
}

describe('supervision', () => {
  // 200 trials in bin 0, 4 of them incorrect.
  const trials = new Int32Array(BIN_COUNT * 3);
  trials.set([190, 6, 4], 0);
  // 20 wrong answers judged in bin 0, 5 accepted as correct; right answers and 'unsure' do not count as accepted.
  const judged = [
    ...repeat(5, () => judgement(0, 'incorrect', 'correct')),
    ...repeat(10, () => judgement(0, 'incorrect', 'incorrect')),
    ...repeat(5, () => judgement(0, 'incorrect', 'unsure')),
    ...repeat(7, () => judgement(0, 'correct', 'correct')),
  ];

  it('per bin: share of judged wrong answers accepted as correct, with Wilson', () => {
    const r = supervision(judged, trials, { epsilon: 0.05, alpha: 0.05 });
    expect(r.bins).toEqual([{ bin: 0, from: 0, to: 100 / 30, wrongJudged: 20, acceptedAsCorrect: wilson(5, 20) }]);
  });

  it('supervised safe region: product of one-sided CP bounds at 1 − α/2 each', () => {
    // upper = CPU(4/200, .975) · CPU(5/20, .975) = 0.0247554 (SciPy); lower = 0.000474.
    const r = supervision(judged, trials, { epsilon: 0.05, alpha: 0.05 });
    expect(r.safeRegion.upperBound).toBeCloseTo(0.02475539, 6);
    expect(r.safeRegion.bin).toBe(0);
    // The unsupervised incorrect rate alone (upper CP 95% of 4/200 ≈ 0.045) is close to ε; catching
    // errors helps: with ε = 0.03 only the supervised region exists.
    expect(supervision(judged, trials, { epsilon: 0.03, alpha: 0.05 }).safeRegion.bin).toBe(0);
  });

  it('without judged wrong answers the acceptance bound is 1 (no evidence people catch errors)', () => {
    const r = supervision([judgement(0, 'correct', 'correct')], trials, { epsilon: 0.05, alpha: 0.05 });
    expect(r.bins).toEqual([]);
    expect(r.safeRegion.upperBound).toBeGreaterThan(0.04); // CPU(4/200, .975) × 1
  });

  it('uses the recalibrated bin of a judged item when given', () => {
    const r = supervision([judgement(0, 'incorrect', 'correct', 'moved')], trials, { epsilon: 0.05, alpha: 0.05, binOf: (id) => (id === 'moved' ? 7 : undefined) });
    expect(r.bins.map((b) => b.bin)).toEqual([7]);
  });
});
