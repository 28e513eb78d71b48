import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calibrateChosen, calibrateValues, defaultCalibration, evaluateIsotonic, fitCalibrations, fitIsotonic } from './calibrate.js';
import type { DifficultyRating } from './analysis-types.js';
import { getDomain } from '../domains/registry.js';

const rating = (domain: DifficultyRating['domain'], chosenValue: number, value: number, itemId = `${domain}-${chosenValue}`): DifficultyRating => ({
  domain,
  itemId,
  chosenValue,
  rating: value,
});

describe('fitIsotonic', () => {
  it('pools equal raw values, then PAVA: hand-worked', () => {
    // x=1: mean 20 (weight 2), x=2: 15 (1), x=3: 30 (2), x=4: 50 (1). 20 > 15 pools to 55/3.
    const map = fitIsotonic([
      { x: 3, y: 40 }, { x: 1, y: 10 }, { x: 2, y: 15 }, { x: 1, y: 30 }, { x: 4, y: 50 }, { x: 3, y: 20 },
    ]);
    expect(map.x).toEqual([1, 2, 3, 4]);
    expect(map.y[0]).toBeCloseTo(55 / 3, 12);
    expect(map.y[1]).toBeCloseTo(55 / 3, 12);
    expect(map.y.slice(2)).toEqual([30, 50]);
  });

  it('interpolates linearly between knots and holds the end values outside', () => {
    const map = { x: [1, 2, 3, 4], y: [10, 10, 30, 50] };
    expect(evaluateIsotonic(map, 2.5)).toBe(20);
    expect(evaluateIsotonic(map, 3)).toBe(30);
    expect(evaluateIsotonic(map, -5)).toBe(10);
    expect(evaluateIsotonic(map, 99)).toBe(50);
  });

  it('property: the fitted map is non-decreasing everywhere', () => {
    const points = fc.array(fc.record({ x: fc.integer({ min: 0, max: 30 }), y: fc.double({ min: 0, max: 100, noNaN: true }) }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(points, fc.array(fc.double({ min: -5, max: 35, noNaN: true }), { minLength: 2, maxLength: 20 }), (pts, probes) => {
        const map = fitIsotonic(pts);
        const sorted = probes.slice().sort((a, b) => a - b);
        for (let k = 1; k < sorted.length; k++) {
          expect(evaluateIsotonic(map, sorted[k]!)).toBeGreaterThanOrEqual(evaluateIsotonic(map, sorted[k - 1]!) - 1e-9);
        }
      }),
    );
  });
});

describe('calibrations', () => {
  it('fits one S1 map per rated domain; others keep the default', () => {
    const cals = fitCalibrations([rating('anagram', 3, 5), rating('anagram', 10, 60), rating('anagram', 20, 95)]);
    expect([...cals.keys()]).toEqual(['anagram']);
    expect(cals.get('anagram')).toMatchObject({ method: 's1-pava', ratings: 3 });
    expect(calibrateChosen(cals.get('anagram')!, 10)).toEqual({ calibrated: 60, bin: 18 });
    expect(calibrateValues(cals.get('anagram')!, { f_let: 15, rarity: 2 })).toEqual({ calibrated: 77.5, bin: 23 }); // halfway from 60 to 95
  });

  it('the default is the domain\'s documented map, clamped, rounded and binned', () => {
    const values = { f_cry: 37, digits_max: 40, digits_total: 80, digits_sum: 41 };
    expect(calibrateValues(defaultCalibration('addition'), values)).toEqual({ calibrated: getDomain('addition').calibrate(values), bin: 11 });
    expect(() => calibrateChosen(defaultCalibration('addition'), 37)).toThrow(RangeError);
  });

  it('rejects ratings off 0–100 and ratings of a single level', () => {
    expect(() => fitCalibrations([rating('science', 5, 120), rating('science', 6, 50)])).toThrow(/0–100/);
    expect(() => fitCalibrations([rating('science', 5, 20), rating('science', 5, 50, 'other')])).toThrow(/one difficulty level/);
  });
});
