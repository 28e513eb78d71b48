import { describe, expect, it } from 'vitest';
import { templateSensitivity } from './sensitivity.js';
import { groupTrials } from './trial-table.js';
import { trialsFrom } from './test-support/trials.js';
import { simulate } from './simulate.js';

describe('templateSensitivity', () => {
  it('paired t-test, hand-worked: template 3 of [cc i],[ccc],[ i c i],[c i c]', () => {
    // d for template 3: 0−1, 1−1, 0−0.5, 1−0.5 = [−1, 0, −0.5, 0.5]; mean −0.25, sd √(1.25/3),
    // t = −0.25 / (sd/2) = −0.774597; P(T₃ ≤ t) = 0.247513 (SciPy t.cdf).
    const table = groupTrials(trialsFrom([[10, 'cci'], [20, 'ccc'], [30, 'ici'], [40, 'cic']]))[0]!;
    const t3 = templateSensitivity(table, 0.05)[2]!;
    expect(t3.method).toBe('paired-t');
    expect(t3.pairedItems).toBe(4);
    expect(t3.difference).toBeCloseTo(-0.25, 12);
    expect(t3.statistic).toBeCloseTo(-0.7745967, 6);
    expect(t3.pValue).toBeCloseTo(0.24751267, 6);
    expect(t3.flagged).toBe(false);
  });

  it('flags a clearly worse template and no other (Holm over 15)', () => {
    const offsets = Array.from({ length: 15 }, (_, t) => (t === 4 ? -1 : 0));
    const trials = simulate([{ modelKey: 'm', domain: 'anagram', items: 600, midpoint: 50, scale: 15, avoidance: { easiest: 0.3, hardest: 0.3 }, templateOffsets: offsets }], 'sens');
    const tests = templateSensitivity(groupTrials(trials)[0]!, 0.05);
    expect(tests.filter((t) => t.flagged).map((t) => t.templateId)).toEqual(['anagram-05']);
    expect(tests[4]!.adjustedP).toBeLessThan(1e-6);
  });

  it('flags nothing when templates are exchangeable', () => {
    const trials = simulate([{ modelKey: 'm', domain: 'anagram', items: 600, midpoint: 50, scale: 15, avoidance: { easiest: 0.3, hardest: 0.3 } }], 'same');
    expect(templateSensitivity(groupTrials(trials)[0]!, 0.05).filter((t) => t.flagged)).toEqual([]);
  });

  it('does not flag a better template (one-sided)', () => {
    const offsets = Array.from({ length: 15 }, (_, t) => (t === 0 ? 1.5 : 0));
    const trials = simulate([{ modelKey: 'm', domain: 'anagram', items: 600, midpoint: 50, scale: 15, avoidance: { easiest: 0.3, hardest: 0.3 }, templateOffsets: offsets }], 'better');
    const tests = templateSensitivity(groupTrials(trials)[0]!, 0.05);
    expect(tests[0]!.pValue).toBeGreaterThan(0.99);
    expect(tests.some((t) => t.flagged)).toBe(false);
  });

  it('falls back to a two-proportion z-test when templates are on disjoint items', () => {
    // 40 items under template 1 (all correct), 40 under template 2 (all wrong): z-test, template 2 flagged.
    const one = trialsFrom(Array.from({ length: 40 }, (_, j) => [j, 'c'] as const), { prefix: 'x' });
    const two = trialsFrom(Array.from({ length: 40 }, (_, j) => [j, 'i'] as const), { prefix: 'y' }).map((t) => ({ ...t, templateId: 'addition-02' }));
    const tests = templateSensitivity(groupTrials([...one, ...two])[0]!, 0.05);
    expect(tests.map((t) => t.method)).toEqual(['two-proportion-z', 'two-proportion-z']);
    // pooled p = .5, se = √(.25·(1/40+1/40)) = 0.1118; z = −1/0.1118 = −8.944.
    expect(tests[1]!.statistic).toBeCloseTo(-8.94427191, 6);
    expect(tests.map((t) => t.flagged)).toEqual([false, true]);
  });

  it('a template with no variation in d and a negative mean is flagged with p = 0', () => {
    const table = groupTrials(trialsFrom(Array.from({ length: 5 }, (_, j) => [j * 10, 'cci'] as const)))[0]!;
    const t3 = templateSensitivity(table, 0.05)[2]!;
    expect(t3.statistic).toBeNull();
    expect(t3.pValue).toBe(0);
    expect(t3.flagged).toBe(true);
  });
});
