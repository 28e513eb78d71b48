import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { easiestDecileMask, IndicatorCalculator, INDICATOR_KEYS } from './indicators.js';
import { itemAggregates } from './item-aggregates.js';
import { modelIndicators } from './indicator-bootstrap.js';
import { groupTrials } from './trial-table.js';
import { trialsFrom } from './test-support/trials.js';
import { WeightedSpearman } from './stats/spearman.js';
import { ThreePassIndicatorCalculator } from './test-support/reference-indicators.js';
import { simulate } from './simulate.js';
import { bootstrapStream } from './stats/bootstrap.js';
import { concatAggregates, type ItemAggregates } from './item-aggregates.js';

/**
 * Hand-worked example, 4 items × 2 templates: totals n 8, c 3, a 1, i 4.
 * correctness 3/8; prudence 1 − 4/8; i/(a+i) = 4/5.
 * Concordance: difficulty [10,20,30,40] vs item correctness [1, .5, 0, 0]; ranks [1,2,3,4] vs
 * [4,3,1.5,1.5]: Σdxdy = −4.5, Σdx² = 5, Σdy² = 4.5 → |ρ| = 4.5/√22.5 = 3/√10.
 * Easiest decile: ⌈4/10⌉ = 1 item (difficulty 10), 2/2 correct.
 * Per-item std across templates [0, .5, 0, 0] → stability 1 − 0.125. Template-dependent: 'ci' and 'ai' → 1/2.
 */
const ROWS = [[10, 'cc'], [20, 'ci'], [30, 'ai'], [40, 'ii']] as const;
const items = itemAggregates(groupTrials(trialsFrom(ROWS))[0]!);

describe('IndicatorCalculator', () => {
  it('computes the hand-worked example', () => {
    const out = new Float64Array(INDICATOR_KEYS.length);
    new IndicatorCalculator(items).compute(null, out);
    const expected = [3 / 8, 0.5, 0.8, 3 / Math.sqrt(10), 1, 0.875, 0.5];
    expected.forEach((v, k) => expect(out[k], INDICATOR_KEYS[k]).toBeCloseTo(v, 12));
  });

  it('weights equal duplicated items (a bootstrap replicate is the data with items repeated)', () => {
    const calc = new IndicatorCalculator(items);
    const weighted = new Float64Array(7);
    calc.compute(Int32Array.from([2, 0, 1, 3]), weighted);
    const rows = [ROWS[0], ROWS[0], ROWS[2], ROWS[3], ROWS[3], ROWS[3]];
    const expanded = new Float64Array(7);
    new IndicatorCalculator(itemAggregates(groupTrials(trialsFrom(rows))[0]!)).compute(null, expanded);
    // The decile is fixed on the original data (item 1), so compare everything else.
    [0, 1, 2, 3, 5, 6].forEach((k) => expect(weighted[k], INDICATOR_KEYS[k]).toBeCloseTo(expanded[k] as number, 12));
    expect(weighted[4]).toBe(1);
  });

  it('gives NaN (→ null) for i/(a+i) when nothing is wrong or avoided, and for concordance when constant', () => {
    const out = new Float64Array(7);
    new IndicatorCalculator(itemAggregates(groupTrials(trialsFrom([[10, 'cc'], [20, 'cc']]))[0]!)).compute(null, out);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeNaN(); // correctness is constant across items
  });
  it('property: its one-pass concordance equals |WeightedSpearman| for any item multiplicities', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.stringMatching(/^[cai]{1,4}$/), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(rows, (rs) => {
        // One template count per data set, so every item has the same n.
        const width = rs[0]![1].length;
        const fixed = rs.map(([d, o]) => [d * 5, o.padEnd(width, 'c').slice(0, width)] as const);
        const its = itemAggregates(groupTrials(trialsFrom(fixed))[0]!);
        const weights = Int32Array.from(rs.map((r) => r[2]));
        if (weights.every((x) => x === 0)) return;
        const out = new Float64Array(7);
        new IndicatorCalculator(its).compute(weights, out);
        const correctness = Array.from(its.correct, (c, j) => c / its.n[j]!);
        const rho = new WeightedSpearman(its.difficulty, correctness).compute(weights);
        if (Number.isNaN(rho)) expect(out[3]).toBeNaN();
        else expect(out[3]).toBeCloseTo(Math.abs(rho), 10);
      }),
    );
  });
});

describe('IndicatorCalculator is bit-identical to the three-pass version it replaced', () => {
  /** Every output equal as a double (Object.is: NaN equals NaN, +0 differs from −0). */
  const same = (items: ItemAggregates, weights: Int32Array | null): void => {
    const fast = new Float64Array(7);
    const reference = new Float64Array(7);
    new IndicatorCalculator(items).compute(weights, fast);
    new ThreePassIndicatorCalculator(items).compute(weights, reference);
    INDICATOR_KEYS.forEach((key, k) => expect(Object.is(fast[k], reference[k]), `${key}: ${fast[k]} vs ${reference[k]}`).toBe(true));
  };

  it('property: any items (with or without tied difficulties), any multiplicities including zeros', () => {
    const rows = fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 5 }).map((d) => d * 20), fc.double({ min: 0, max: 100, noNaN: true })),
      fc.stringMatching(/^[cai]{1,6}$/), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(rows, fc.boolean(), (rs, unweighted) => {
        const its = itemAggregates(groupTrials(trialsFrom(rs.map(([d, o]) => [d, o] as const)))[0]!);
        // Items are sorted by id in the table; the weights follow that order.
        same(its, unweighted ? null : Int32Array.from(rs, (r) => r[2]));
      }),
      { numRuns: 300 },
    );
  });

  const respondent = (domain: 'addition' | 'science') => ({
    modelKey: 'm', domain, items: 1000, midpoint: 45, scale: 9, avoidance: { easiest: 0.1, hardest: 0.5 }, templateOffsets: [0, -1, 0, 0.5],
  });

  it('every replicate of a realistic bootstrap: a domain of 1,000 items and the union of two (as modelIndicators does)', () => {
    for (const ties of [false, true]) {
      const trials = simulate([respondent('addition'), respondent('science')], 'bit-identical')
        // With ties: difficulties rounded to whole numbers, so about ten items share each value.
        .map((t) => (ties ? { ...t, difficulty: Math.round(t.difficulty), bin: Math.min(29, Math.floor(Math.round(t.difficulty) / (100 / 30))) } : t));
      const [a, b] = groupTrials(trials).map(itemAggregates) as [ItemAggregates, ItemAggregates];
      const all = concatAggregates([a, b]);
      const weights = new Int32Array(all.count);
      const views = [weights.subarray(0, a.count), weights.subarray(a.count)];
      const streams = [bootstrapStream('bit', 'a'), bootstrapStream('bit', 'b')];
      const calculators = [a, b, all].map((x) => [new IndicatorCalculator(x), new ThreePassIndicatorCalculator(x)] as const);
      const fast = new Float64Array(7);
      const reference = new Float64Array(7);
      for (let replicate = 0; replicate < 200; replicate++) {
        streams.forEach((s, d) => s.resample(views[d]!));
        [views[0]!, views[1]!, weights].forEach((w, u) => {
          const [f, r] = calculators[u]!;
          f.compute(w, fast);
          r.compute(w, reference);
          expect(Array.from(fast)).toEqual(Array.from(reference)); // toEqual on numbers is Object.is
        });
      }
    }
  });
});

describe('easiestDecileMask', () => {
  it('takes the ⌈n/10⌉ easiest items plus any tied with the last of them', () => {
    expect(Array.from(easiestDecileMask(Float64Array.from([5, 1, 9, 3, 7, 2, 8, 4, 6, 10, 11])))).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(easiestDecileMask(Float64Array.from([1, 1, 1, 2])))).toEqual([1, 1, 1, 0]);
  });
});

describe('modelIndicators', () => {
  const big = itemAggregates(
    groupTrials(trialsFrom(Array.from({ length: 120 }, (_, j) => [j / 1.2, ['ccc', 'cci', 'cai', 'iii', 'aaa'][j % 5]!] as const)))[0]!,
  );
  const unit = { domain: 'addition' as const, items: big, trials: 360, templateSpreads: [0.5, 0.25] };

  it('is reproducible under a seed and changes with it', () => {
    const a = modelIndicators('m', [unit], { samples: 200, seed: 's1', confidence: 0.95 });
    expect(modelIndicators('m', [unit], { samples: 200, seed: 's1', confidence: 0.95 })).toEqual(a);
    expect(modelIndicators('m', [unit], { samples: 200, seed: 's2', confidence: 0.95 }).domains[0]!.correctness).not.toEqual(a.domains[0]!.correctness);
  });

  it('one domain: overall equals the domain; intervals contain the point and are not degenerate', () => {
    const r = modelIndicators('m', [unit], { samples: 300, seed: 's', confidence: 0.95 });
    expect(r.overall).toEqual(r.domains[0]);
    const c = r.domains[0]!.correctness;
    expect(c.low).toBeLessThan(c.value);
    expect(c.high).toBeGreaterThan(c.value);
    expect(r.domains[0]!.templateSpread).toBeCloseTo(0.375, 12);
  });

  it('a domain\'s intervals do not change when another domain is added (own seeded stream)', () => {
    const alone = modelIndicators('m', [unit], { samples: 100, seed: 's', confidence: 0.95 });
    const withOther = modelIndicators('m', [unit, { ...unit, domain: 'science' }], { samples: 100, seed: 's', confidence: 0.95 });
    expect(withOther.domains[0]).toEqual(alone.domains[0]);
    expect(withOther.overall.n).toBe(720);
  });

  it('property: every estimate lies in [0, 1] and contains its point value', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.stringMatching(/^[cai]{3}$/)), { minLength: 2, maxLength: 30 }), fc.string(), (rows, seed) => {
        const its = itemAggregates(groupTrials(trialsFrom(rows))[0]!);
        const r = modelIndicators('m', [{ domain: 'addition', items: its, trials: rows.length * 3, templateSpreads: [] }], { samples: 30, seed, confidence: 0.95 });
        for (const key of INDICATOR_KEYS) {
          const e = r.overall[key];
          if (e === null) continue;
          expect(e.low).toBeGreaterThanOrEqual(0);
          expect(e.high).toBeLessThanOrEqual(1);
          expect(e.low).toBeLessThanOrEqual(e.value);
          expect(e.high).toBeGreaterThanOrEqual(e.value);
        }
      }),
      { numRuns: 60 },
    );
  });
});
