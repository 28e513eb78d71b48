/**
 * Clopper–Pearson ("exact") binomial bounds, from the beta quantiles that invert the binomial tail
 * (Clopper & Pearson 1934). The safe operating region needs a bound that is never anti-conservative,
 * which only the exact interval guarantees for every n.
 */
import jStat from 'jstat';
import type { Estimate } from '../analysis-types.js';
import { checkCounts } from './wilson.js';

/** One-sided upper bound: P(rate ≤ bound) ≥ confidence. 1 when k = n; (1 − confidence)^(1/n) closed form at k = 0. */
export function clopperPearsonUpper(k: number, n: number, confidence = 0.95): number {
  checkCounts(k, n);
  checkConfidence(confidence);
  if (n === 0 || k === n) return 1;
  if (k === 0) return 1 - Math.pow(1 - confidence, 1 / n);
  return jStat.beta.inv(confidence, k + 1, n - k);
}

/** One-sided lower bound: P(rate ≥ bound) ≥ confidence. 0 when k = 0; confidence-root closed form at k = n. */
export function clopperPearsonLower(k: number, n: number, confidence = 0.95): number {
  checkCounts(k, n);
  checkConfidence(confidence);
  if (n === 0 || k === 0) return 0;
  if (k === n) return Math.pow(1 - confidence, 1 / n);
  return jStat.beta.inv(1 - confidence, k, n - k + 1);
}

/** Two-sided interval at the given confidence: each tail gets (1 − confidence) / 2. */
export function clopperPearson(k: number, n: number, confidence = 0.95): Estimate {
  checkCounts(k, n);
  if (n === 0) throw new RangeError('clopperPearson: n must be positive');
  const oneSided = 1 - (1 - confidence) / 2;
  return { value: k / n, low: clopperPearsonLower(k, n, oneSided), high: clopperPearsonUpper(k, n, oneSided) };
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
}
