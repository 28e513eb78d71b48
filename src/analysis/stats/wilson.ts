/**
 * Wilson score interval for a binomial proportion (Wilson 1927). Used for the per-bin shares of
 * correct / avoidant / incorrect: unlike the Wald interval it stays inside [0, 1] and behaves at
 * k = 0 and k = n, and it is the usual choice for the many small bins of a difficulty curve.
 */
import type { Estimate } from '../analysis-types.js';
import { zFor } from './normal.js';

/** Two-sided Wilson interval for k successes in n trials at the given confidence (default 95%). */
export function wilson(k: number, n: number, confidence = 0.95): Estimate {
  checkCounts(k, n);
  if (n === 0) throw new RangeError('wilson: n must be positive (an empty share has no estimate)');
  const z = zFor(confidence);
  const p = k / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  // At k = 0 (k = n) the exact bound is 0 (1); rounding would otherwise leave ±1e-17.
  const low = k === 0 ? 0 : Math.max(0, centre - half);
  const high = k === n ? 1 : Math.min(1, centre + half);
  return { value: p, low, high };
}

export function checkCounts(k: number, n: number): void {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`binomial counts must be integers with 0 ≤ k ≤ n (got k=${k}, n=${n})`);
  }
}
