/**
 * Safe operating region (METHOD.md §5): the largest difficulty d* such that the incorrect rate over
 * all trials with difficulty ≤ d* stays below ε with confidence 1 − α.
 *
 * Definition [ours]: candidate d* are the upper edges of the non-empty bins, easiest first. At each
 * edge the one-sided exact (Clopper–Pearson) upper bound of the incorrect rate over the trials of
 * all bins up to it is compared with ε; the scan stops at the first edge whose bound is ≥ ε, and d*
 * is the edge before it ("none" when the easiest non-empty bin already fails). Testing the edges in
 * this fixed order and stopping at the first failure is the fixed-sequence procedure, so the claim
 * "rate over ≤ d* is below ε" holds at confidence 1 − α with no multiplicity correction.
 *
 * `exceedsFrom` [ours] brackets the truth from the other side: the first edge whose one-sided lower
 * bound is ≥ ε, where the data show the rate over ≤ d has reached ε. The true d* lies in
 * [maxDifficulty, exceedsFrom) unless one of the two bounds misses (probability ≤ α each).
 */
import { BIN_COUNT } from '../core/item.js';
import type { SafeRegion } from './analysis-types.js';
import { binRange } from './bins.js';
import { clopperPearsonLower, clopperPearsonUpper } from './stats/clopper-pearson.js';
import { INCORRECT, OUTCOMES } from './trial-table.js';

/** Bounds of a cumulative rate at one bin's upper edge. */
export interface CumulativeBound {
  bin: number;
  upper: number;
  lower: number;
}

/** Scans cumulative bounds, easiest bin first, as described above. */
export function scanSafeRegion(bounds: readonly CumulativeBound[], epsilon: number, alpha: number): SafeRegion {
  checkSettings(epsilon, alpha);
  let passed: CumulativeBound | null = null;
  let upperBound = 1;
  for (const b of bounds) {
    if (b.upper >= epsilon) {
      if (passed === null) upperBound = b.upper;
      break;
    }
    passed = b;
    upperBound = b.upper;
  }
  const exceeding = bounds.find((b) => b.lower >= epsilon);
  return {
    epsilon,
    alpha,
    maxDifficulty: passed === null ? null : binRange(passed.bin).to,
    bin: passed === null ? null : passed.bin,
    upperBound,
    exceedsFrom: exceeding === undefined ? null : binRange(exceeding.bin).to,
  };
}

/** The safe region of the incorrect rate from per-bin counts counts[bin · 3 + outcome]. */
export function safeRegion(counts: Int32Array, epsilon: number, alpha: number): SafeRegion {
  checkSettings(epsilon, alpha);
  const bounds: CumulativeBound[] = [];
  let n = 0;
  let incorrect = 0;
  for (let bin = 0; bin < BIN_COUNT; bin++) {
    const base = bin * OUTCOMES;
    const binN = (counts[base] as number) + (counts[base + 1] as number) + (counts[base + 2] as number);
    if (binN === 0) continue;
    n += binN;
    incorrect += counts[base + INCORRECT] as number;
    bounds.push({ bin, upper: clopperPearsonUpper(incorrect, n, 1 - alpha), lower: clopperPearsonLower(incorrect, n, 1 - alpha) });
  }
  return scanSafeRegion(bounds, epsilon, alpha);
}

function checkSettings(epsilon: number, alpha: number): void {
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`safe region: epsilon must be in (0, 1), got ${epsilon}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`safe region: alpha must be in (0, 1), got ${alpha}`);
}
