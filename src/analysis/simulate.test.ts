import { describe, expect, it } from 'vitest';
import { correctProbability, simulate, simulatedItems, trueRates, trueSafeDifficulty, trueUltracrepidarian, type SimulatedRespondent } from './simulate.js';

const spec: SimulatedRespondent = {
  modelKey: 'sim',
  domain: 'locality',
  items: 2000,
  midpoint: 55,
  scale: 10,
  avoidance: { easiest: 0.1, hardest: 0.6 },
  templateOffsets: Array.from({ length: 15 }, (_, t) => (t === 2 ? -1 : 0)),
};

describe('simulate', () => {
  const trials = simulate([spec], 'sim-test');

  it('gives items × templates × samples trials, reproducibly under a seed', () => {
    expect(trials).toHaveLength(2000 * 15);
    expect(simulate([spec], 'sim-test')).toEqual(trials);
    const other = simulate([spec], 'sim-other');
    expect(other.map((t) => t.outcome)).not.toEqual(trials.map((t) => t.outcome));
  });

  it('places one item in each of n equal slices of the range, the same items for every model', () => {
    const items = simulatedItems({ ...spec, items: 50 }, 's');
    items.forEach((item, j) => {
      expect(item.difficulty).toBeGreaterThanOrEqual(2 * j);
      expect(item.difficulty).toBeLessThanOrEqual(2 * (j + 1));
    });
    expect(simulatedItems({ ...spec, modelKey: 'other', items: 50 }, 's')).toEqual(items);
  });

  it('the observed shares match the known model (within 1.5 points on 30,000 trials)', () => {
    const truth = trueRates(spec);
    const share = (o: string): number => trials.filter((t) => t.outcome === o).length / trials.length;
    expect(Math.abs(share('correct') - truth.correct)).toBeLessThan(0.015);
    expect(Math.abs(share('avoidant') - truth.avoidant)).toBeLessThan(0.015);
    expect(Math.abs(share('incorrect') - truth.incorrect)).toBeLessThan(0.015);
    // The worse template is worse.
    const byTemplate = (id: string): number => trials.filter((t) => t.templateId === id && t.outcome === 'correct').length / 2000;
    expect(byTemplate('locality-03')).toBeLessThan(byTemplate('locality-01') - 0.05);
  });
});

describe('true values of the simulated model', () => {
  it('logistic: right half the time at the midpoint; offsets shift it', () => {
    expect(correctProbability(spec, 55, 0)).toBe(0.5);
    expect(correctProbability(spec, 55, 2)).toBeCloseTo(1 / (1 + Math.E), 12);
  });

  it('a symmetric logistic on a symmetric range is right half the time overall', () => {
    expect(trueRates({ ...spec, midpoint: 50, templateOffsets: [] }).correct).toBeCloseTo(0.5, 6);
  });

  it('i/(a+i) = 1 − v when the avoidance rate is constant', () => {
    expect(trueUltracrepidarian({ ...spec, avoidance: { easiest: 0.3, hardest: 0.3 } })).toBeCloseTo(0.7, 9);
  });

  it('the true safe difficulty is where the cumulative incorrect rate reaches ε', () => {
    const d = trueSafeDifficulty(spec, 0.05)!;
    expect(trueRates(spec, d).incorrect).toBeCloseTo(0.05, 3);
    expect(trueRates(spec, d - 1).incorrect).toBeLessThan(0.05);
  });

  it('is null when even the easiest items fail, and the top when nothing does', () => {
    expect(trueSafeDifficulty({ ...spec, midpoint: -20 }, 0.05)).toBeNull();
    expect(trueSafeDifficulty({ ...spec, midpoint: 400 }, 0.05)).toBe(100);
  });
});
