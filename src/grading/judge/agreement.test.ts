import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../grade-types.js';
import { agreementFromMatrix, agreementOf, emptyMatrix, formatAgreement, OUTCOMES } from './agreement.js';

describe("Cohen's kappa", () => {
  it('matches a hand-computed 3×3 example', () => {
    // rule \ judge: correct avoidant incorrect
    const m = emptyMatrix();
    Object.assign(m.correct, { correct: 40, avoidant: 2, incorrect: 8 });
    Object.assign(m.avoidant, { correct: 1, avoidant: 20, incorrect: 4 });
    Object.assign(m.incorrect, { correct: 4, avoidant: 1, incorrect: 20 });
    // n = 100; p_o = 0.80; rule marginals .50 .25 .25; judge marginals .45 .23 .32;
    // p_e = .225 + .0575 + .08 = .3625; kappa = (.80 − .3625) / .6375 = 0.686274…
    const a = agreementFromMatrix(m, 100);
    expect(a.observed).toBeCloseTo(0.8, 12);
    expect(a.kappa).toBeCloseTo(0.4375 / 0.6375, 12);
  });

  it('is 1 for perfect agreement, 0 for independent graders, and undefined with one outcome only', () => {
    const pairs = (list: [Outcome, Outcome][]) => list.map(([rule, judge]) => ({ rule, judge }));
    expect(agreementOf(pairs([['correct', 'correct'], ['incorrect', 'incorrect'], ['avoidant', 'avoidant']])).kappa).toBe(1);
    // Judge says correct on half of each rule outcome: observed .5 = chance .5.
    expect(agreementOf(pairs([['correct', 'correct'], ['correct', 'incorrect'], ['incorrect', 'correct'], ['incorrect', 'incorrect']])).kappa).toBeCloseTo(0, 12);
    expect(agreementOf(pairs([['correct', 'correct'], ['correct', 'correct']])).kappa).toBeNull();
    expect(agreementOf([]).n).toBe(0);
  });

  it('property: kappa ≤ 1, observed in [0, 1], cell counts sum to n, symmetric in the two graders', () => {
    const outcome = fc.constantFrom<Outcome>(...OUTCOMES);
    fc.assert(fc.property(fc.array(fc.record({ rule: outcome, judge: outcome }), { minLength: 1, maxLength: 200 }), (pairs) => {
      const a = agreementOf(pairs);
      const swapped = agreementOf(pairs.map((p) => ({ rule: p.judge, judge: p.rule })));
      const cells = OUTCOMES.reduce((s, r) => s + OUTCOMES.reduce((t, j) => t + a.matrix[r][j], 0), 0);
      expect(cells).toBe(pairs.length);
      expect(a.observed).toBeGreaterThanOrEqual(0);
      expect(a.observed).toBeLessThanOrEqual(1);
      if (a.kappa !== null) expect(a.kappa).toBeLessThanOrEqual(1 + 1e-12);
      expect(swapped.kappa === null ? null : swapped.kappa.toFixed(9)).toBe(a.kappa === null ? null : a.kappa.toFixed(9));
    }));
  });

  it('formats an aligned matrix with the kappa line', () => {
    const lines = formatAgreement(agreementOf([{ rule: 'correct', judge: 'incorrect' }, { rule: 'correct', judge: 'correct' }]));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^correct\s+1\s+0\s+1$/);
    expect(lines[4]).toBe("agreement 50.0% of 2, Cohen's kappa 0.000");
  });
});
