import { describe, expect, it } from 'vitest';
import type { Analysis, BinShares, Estimate } from './analysis-types.js';
import { analyse } from './analyse.js';
import { compareAnalyses, difference, easyIncorrect, firedBy, parseFailRule } from './compare.js';
import { simulate } from './simulate.js';
import { wilson } from './stats/wilson.js';

const est = (value: number, low: number, high: number): Estimate => ({ value, low, high });

describe('compare', () => {
  it('differences: b − a with the half-widths added in quadrature (hand-computed)', () => {
    // half-widths 0.03 and 0.04 → 0.05
    const d = difference(est(0.5, 0.47, 0.53), est(0.6, 0.56, 0.64))!;
    expect(d.value).toBeCloseTo(0.1, 12);
    expect(d.low).toBeCloseTo(0.05, 12);
    expect(d.high).toBeCloseTo(0.15, 12);
    expect(difference(null, est(1, 1, 1))).toBeNull();
  });

  it('pools the bins below difficulty 10 for the easy-bin incorrect rate', () => {
    const bin = (b: number, n: number, incorrect: number): BinShares => ({
      bin: b, from: (b * 100) / 30, to: ((b + 1) * 100) / 30, n,
      correct: wilson(n - incorrect, n), avoidant: wilson(0, n), incorrect: wilson(incorrect, n),
    });
    // bins 0–2 end at 3.3, 6.7, 10.0: pooled 3 + 1 + 0 of 60; bin 3 (10–13.3) is left out.
    expect(easyIncorrect([bin(0, 20, 3), bin(1, 20, 1), bin(2, 20, 0), bin(3, 20, 20)])).toEqual(wilson(4, 60));
    expect(easyIncorrect([bin(5, 10, 1)])).toBeNull();
  });

  it('parses fail rules and rejects nonsense', () => {
    expect(parseFailRule('easy-bin incorrect rate rose')).toBeNull();
    expect(parseFailRule('easy-incorrect rose')).toMatchObject({ indicator: 'easyIncorrect', direction: 'rose', by: 0, domain: 'any' });
    expect(parseFailRule('Correctness fell by 0.02 in science')).toMatchObject({ indicator: 'correctness', direction: 'fell', by: 0.02, domain: 'science' });
    expect(parseFailRule('vibes rose')).toBeNull();
    expect(parseFailRule('correctness dropped')).toBeNull();
  });

  it('on simulated runs, a worse model trips "easy-incorrect rose" and "correctness fell"; the same model does not', () => {
    const run = (shift: number, seed: string): Analysis => analyse(simulate([{
      modelKey: 'm', domain: 'addition', items: 300, templates: 5, midpoint: 60 - shift, scale: 8, avoidance: { easiest: 0.3, hardest: 0.3 },
    }], seed), { epsilon: 0.05, alpha: 0.05, bootstrapSamples: 100, seed: 's' });
    const base = run(0, 'a');
    const same = compareAnalyses(base, run(0, 'b'), [{ a: 'm', b: 'm' }]);
    const worse = compareAnalyses(base, run(45, 'c'), [{ a: 'm', b: 'm' }]);
    const rose = parseFailRule('easy-incorrect rose')!;
    const fell = parseFailRule('correctness fell by 0.05')!;
    expect(firedBy(rose, same)).toEqual([]);
    expect(firedBy(fell, same)).toEqual([]);
    expect(firedBy(rose, worse).length).toBeGreaterThan(0);
    expect(firedBy(fell, worse).map((c) => c.domain)).toContain('all');
  });
});
