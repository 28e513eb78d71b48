/**
 * Calibration of each domain's chosen difficulty onto the shared 0–100 axis (METHOD.md §2), then
 * its 30 equal-width bins.
 *
 * - With S1 ratings for a domain ('s1-pava'): the ratings (0–100, a person's expected difficulty)
 *   are regressed on the chosen raw value by weighted isotonic regression (PAVA): ratings of equal
 *   raw values are pooled into their mean with their count as weight, then PAVA makes the fit
 *   non-decreasing in the raw value. Between fitted raw values the map interpolates linearly;
 *   outside them it holds the end values. Items with the same raw value share a calibrated value
 *   (the ratings give no reason to order them), so a discrete chosen function has as many
 *   calibrated levels as it has levels.
 * - Without ratings ('default'): the domain's documented default map (`Domain.calibrate`, the one
 *   the generator stored in each item), which depends on the item alone.
 * Both are clamped to [0, 100] and rounded to 6 decimals as the generator does; the bin is binOf.
 */
import { binOf, type DomainName } from '../core/item.js';
import { ReliabenchError } from '../core/errors.js';
import { getDomain } from '../domains/registry.js';
import type { DifficultyRating } from './analysis-types.js';
import { pava } from './stats/pava.js';

/** Knots of a non-decreasing piecewise-linear map: x strictly increasing, y non-decreasing. */
export interface IsotonicMap {
  x: number[];
  y: number[];
}

export interface DomainCalibration {
  domain: DomainName;
  method: 'default' | 's1-pava';
  /** The fitted map (s1-pava only). */
  map: IsotonicMap | null;
  /** How many ratings the fit used. */
  ratings: number;
}

/** Weighted isotonic fit of y on x (ties in x pooled first). */
export function fitIsotonic(points: readonly { x: number; y: number }[]): IsotonicMap {
  const sorted = points.slice().sort((a, b) => a.x - b.x);
  const x: number[] = [];
  const sums: number[] = [];
  const weights: number[] = [];
  for (const p of sorted) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new RangeError(`isotonic fit: point (${p.x}, ${p.y}) is not finite`);
    const last = x.length - 1;
    if (last >= 0 && x[last] === p.x) {
      sums[last] = (sums[last] as number) + p.y;
      weights[last] = (weights[last] as number) + 1;
    } else {
      x.push(p.x);
      sums.push(p.y);
      weights.push(1);
    }
  }
  return { x, y: pava(sums.map((s, i) => s / (weights[i] as number)), weights) };
}

/** The map at v: linear between knots, constant beyond the ends. */
export function evaluateIsotonic(map: IsotonicMap, v: number): number {
  const { x, y } = map;
  if (x.length === 0) throw new RangeError('isotonic map has no knots');
  if (v <= (x[0] as number)) return y[0] as number;
  if (v >= (x[x.length - 1] as number)) return y[y.length - 1] as number;
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((x[mid] as number) <= v) lo = mid;
    else hi = mid;
  }
  const t = (v - (x[lo] as number)) / ((x[hi] as number) - (x[lo] as number));
  return (y[lo] as number) + t * ((y[hi] as number) - (y[lo] as number));
}

/** One calibration per domain that has ratings; a domain with none keeps its default. */
export function fitCalibrations(ratings: readonly DifficultyRating[] = []): Map<DomainName, DomainCalibration> {
  const byDomain = new Map<DomainName, { x: number; y: number }[]>();
  for (const r of ratings) {
    if (!(r.rating >= 0 && r.rating <= 100)) {
      throw new ReliabenchError('BAD_ARGUMENT', `S1 rating of ${r.itemId} is ${r.rating}; ratings are on 0–100`, { input: r.itemId });
    }
    const list = byDomain.get(r.domain) ?? [];
    list.push({ x: r.chosenValue, y: r.rating });
    byDomain.set(r.domain, list);
  }
  const out = new Map<DomainName, DomainCalibration>();
  for (const [domain, points] of byDomain) {
    const map = fitIsotonic(points);
    if (map.x.length < 2) {
      throw new ReliabenchError('BAD_ARGUMENT', `S1 ratings for ${domain} cover one difficulty level only; rate items of at least two levels to calibrate`);
    }
    out.set(domain, { domain, method: 's1-pava', map, ratings: points.length });
  }
  return out;
}

export function defaultCalibration(domain: DomainName): DomainCalibration {
  return { domain, method: 'default', map: null, ratings: 0 };
}

/** Calibrated value and bin of an item from its raw difficulty values. */
export function calibrateValues(calibration: DomainCalibration, values: Record<string, number>): { calibrated: number; bin: number } {
  const domain = getDomain(calibration.domain);
  if (calibration.map === null) return placed(domain.calibrate(values));
  const chosen = values[domain.chosenDifficulty];
  if (chosen === undefined) throw new RangeError(`${calibration.domain}: values lack the chosen difficulty ${domain.chosenDifficulty}`);
  return calibrateChosen(calibration, chosen);
}

/** Calibrated value and bin from the chosen raw value alone (S1 calibrations only: the default needs every value). */
export function calibrateChosen(calibration: DomainCalibration, chosen: number): { calibrated: number; bin: number } {
  if (calibration.map === null) throw new RangeError(`${calibration.domain}: the default calibration needs all difficulty values, not the chosen one alone`);
  if (!Number.isFinite(chosen)) throw new RangeError(`${calibration.domain}: chosen difficulty ${chosen} is not finite`);
  return placed(evaluateIsotonic(calibration.map, chosen));
}

function placed(value: number): { calibrated: number; bin: number } {
  const calibrated = Math.round(Math.min(100, Math.max(0, value)) * 1e6) / 1e6 + 0;
  return { calibrated, bin: binOf(calibrated) };
}
