import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countCarries } from './carries.js';
import { generateAdditions, MAX_DIGITS } from './generate.js';
import { additionDomain } from './index.js';
import { Rng } from '../../core/rng.js';
import { binOf, type Item } from '../../core/item.js';
import type { AdditionGold } from './generate.js';

const digitSum = (n: bigint): number => [...n.toString()].reduce((s, d) => s + Number(d), 0);
/** Kummer: the carries of a + b in base 10 are (s(a) + s(b) − s(a + b)) / 9 — an independent count. */
const kummerCarries = (a: bigint, b: bigint): number => (digitSum(a) + digitSum(b) - digitSum(a + b)) / 9;

const digits = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) =>
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n - 1, maxLength: n - 1 }))
      .map(([lead, rest]) => [lead, ...rest].join('')));

function asItem(draft: ReturnType<typeof generateAdditions>[number]): Item<AdditionGold> {
  return { id: 'x', domain: 'addition', input: draft.input, gold: draft.gold, source: {},
    difficulty: { values: draft.difficulty, chosen: 'f_cry', calibrated: 0, bin: 0 } };
}

describe('countCarries', () => {
  it('matches hand-counted cases', () => {
    expect(countCarries('0', '0')).toBe(0);
    expect(countCarries('5', '5')).toBe(1); // the final carry out counts
    expect(countCarries('99', '1')).toBe(2);
    expect(countCarries('123', '877')).toBe(3);
    expect(countCarries('1234', '4321')).toBe(0);
    expect(countCarries('9'.repeat(100), '1')).toBe(100);
  });

  it('agrees with Kummer\'s digit-sum identity on 100-digit operands', () => {
    fc.assert(fc.property(digits(1, 100), digits(1, 100), (a, b) => {
      expect(countCarries(a, b)).toBe(kummerCarries(BigInt(a), BigInt(b)));
    }), { numRuns: 500 });
  });
});

describe('generateAdditions', () => {
  it('gives exact sums, true carry counts and well-formed addends for any seed', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      for (const d of generateAdditions(Rng.fromSeed(seed), 50)) {
        const { a, b } = d.input as { a: string; b: string };
        expect(a).toMatch(/^[1-9]\d*$|^\d$/);
        expect(b).toMatch(/^[1-9]\d*$|^\d$/);
        expect(a.length).toBeLessThanOrEqual(MAX_DIGITS);
        expect(b.length).toBeLessThanOrEqual(MAX_DIGITS);
        expect(d.gold.sum).toBe((BigInt(a) + BigInt(b)).toString());
        expect(d.difficulty['f_cry']).toBe(kummerCarries(BigInt(a), BigInt(b)));
        expect(d.difficulty['digits_sum']).toBe(d.gold.sum.length);
      }
    }), { numRuns: 100 });
  });

  it('spreads carry counts over the whole range 0–100', () => {
    const drafts = generateAdditions(Rng.fromSeed(7, 'addition'), 2000);
    const carries = drafts.map((d) => d.difficulty['f_cry'] as number);
    expect(Math.min(...carries)).toBe(0);
    expect(Math.max(...carries)).toBeGreaterThanOrEqual(98);
    for (let decile = 0; decile < 10; decile++) {
      const n = carries.filter((c) => Math.floor(c / 10.1) === decile).length;
      expect(n).toBeGreaterThan(100); // ≈ 200 expected in each tenth
    }
    const bins = new Set(drafts.map((d) => binOf(additionDomain.calibrate(d.difficulty))));
    expect(bins.size).toBe(30);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateAdditions(Rng.fromSeed(7), 100);
    const b = generateAdditions(Rng.fromSeed(7), 100);
    const c = generateAdditions(Rng.fromSeed(8), 100);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('returns distinct items', () => {
    const drafts = generateAdditions(Rng.fromSeed(1), 5000);
    expect(new Set(drafts.map((d) => `${d.input['a']}+${d.input['b']}`)).size).toBe(5000);
  });
});

describe('checkAddition', () => {
  const item = asItem({ input: { a: '2000', b: '2005' }, gold: { sum: '4005' }, difficulty: { f_cry: 0 }, source: {} });
  it.each(['4005', '4,005', '4 005', '+4005', '4_005', '04005'])('accepts %j', (answer) => {
    expect(additionDomain.check(item, answer)).toBe(true);
  });
  it.each(['4006', '4005.5', '40.05', '', 'four thousand five', '4005a'])('rejects %j', (answer) => {
    expect(additionDomain.check(item, answer)).toBe(false);
  });
});
