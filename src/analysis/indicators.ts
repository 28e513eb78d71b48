/**
 * The reliability indicators of a set of items (METHOD.md §5), computed from per-item aggregates for
 * any item multiplicities, so one function gives both the point estimates and every bootstrap
 * replicate. Trial-level shares (correctness, prudence, i/(a+i), easiest decile) pool the trials of
 * the weighted items; item-level ones (concordance, stability, template dependence) weigh items.
 */
import type { Estimate, Indicators } from './analysis-types.js';
import type { ItemAggregates } from './item-aggregates.js';
import { percentileEstimate } from './stats/bootstrap.js';
import { sortedOrder, tieGroupStarts } from './stats/spearman.js';

export const INDICATOR_KEYS = [
  'correctness',
  'prudence',
  'ultracrepidarian',
  'concordance',
  'easiestDecileCorrectness',
  'promptStability',
  'templateDependentShare',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/**
 * Computes every indicator from item aggregates and item multiplicities in one pass over the items
 * in difficulty order (this runs for every bootstrap replicate, so it is written for speed). Per tie
 * group of difficulty: its total multiplicity gives its average rank and Σ w·r²; then, per item of
 * the group, the trial sums, and per distinct item-correctness value its weight and rank sum —
 * correctness takes few distinct values (c/n), so its ranks come from those. Items a replicate did
 * not draw (multiplicity 0) add nothing and are skipped. Concordance is then Spearman's rho of the
 * weighted multiset (what WeightedSpearman computes): Sxy = Σ w·rx·ry − W·m², Sxx = Σ w·rx² − W·m²,
 * with m = (W + 1)/2. When no two items tie on difficulty (the usual case: calibrated difficulties
 * are continuous), every group is one item and a simpler loop does the same. Every sum is
 * accumulated in difficulty order, the order of the earlier three-pass version, so the results are
 * bit-identical to it (indicators.test.ts checks both loops against it).
 */
export class IndicatorCalculator {
  /** Item index at each position in difficulty order. */
  private readonly order: Int32Array;
  /** Tie groups of difficulty: group g covers positions starts[g] … starts[g + 1] − 1. */
  private readonly starts: Int32Array;
  /** Whether every tie group is a single item. */
  private readonly noTies: boolean;
  /** Items at positions below this in difficulty order form the easiest decile. */
  private readonly decileEnd: number;
  /** Per position in difficulty order: index of the item's correctness among the sorted distinct values. */
  private readonly groupY: Int32Array;
  /** The item aggregates permuted into difficulty order, so the pass reads them sequentially. */
  private readonly sorted: ItemAggregates;
  private readonly ones: Int32Array;
  // Scratch, reused by every call.
  private readonly yWeight: Float64Array;
  private readonly yCross: Float64Array;

  constructor(items: ItemAggregates) {
    const itemCorrectness = new Float64Array(items.count);
    for (let j = 0; j < items.count; j++) itemCorrectness[j] = (items.correct[j] as number) / (items.n[j] as number);
    this.order = sortedOrder(items.difficulty);
    this.starts = Int32Array.from(tieGroupStarts(items.difficulty, this.order));
    this.noTies = this.starts.length - 1 === items.count;
    this.decileEnd = easiestDecileMask(items.difficulty).reduce((s, x) => s + x, 0);
    const distinct = [...new Set(itemCorrectness)].sort((a, b) => a - b);
    const index = new Map(distinct.map((v, k) => [v, k]));
    this.groupY = Int32Array.from(this.order, (j) => index.get(itemCorrectness[j] as number) as number);
    this.sorted = permuted(items, this.order);
    this.ones = new Int32Array(items.count).fill(1);
    this.yWeight = new Float64Array(distinct.length);
    this.yCross = new Float64Array(distinct.length);
  }

  /** Writes the indicators, in INDICATOR_KEYS order, into out; NaN where undefined. weights null = each item once. */
  compute(weights: Int32Array | null, out: Float64Array): void {
    const w = weights ?? this.ones;
    const { order, starts, groupY, decileEnd } = this;
    const { n: itemN, correct, avoidant, incorrect, templateStd, templateDependent } = this.sorted;
    const yWeight = this.yWeight.fill(0);
    const yCross = this.yCross.fill(0);
    const groups = starts.length - 1;
    let total = 0, sxx = 0;
    let n = 0, c = 0, a = 0, i = 0, std = 0, dependent = 0;
    let decileN = 0, decileC = 0;
    if (this.noTies) {
      // The general loop below with one item per group (gw = m), written out: the common case, and faster.
      for (let p = 0; p < groups; p++) {
        const m = w[order[p] as number] as number;
        if (m === 0) continue;
        const rank = total + (m + 1) / 2;
        total += m;
        sxx += m * rank * rank;
        const itemTrials = itemN[p] as number;
        const itemCorrect = correct[p] as number;
        n += m * itemTrials;
        c += m * itemCorrect;
        a += m * (avoidant[p] as number);
        i += m * (incorrect[p] as number);
        std += m * (templateStd[p] as number);
        dependent += m * (templateDependent[p] as number);
        const k = groupY[p] as number;
        yWeight[k] = (yWeight[k] as number) + m;
        yCross[k] = (yCross[k] as number) + m * rank;
        if (p < decileEnd) {
          decileN += m * itemTrials;
          decileC += m * itemCorrect;
        }
      }
    } else {
      for (let g = 0; g < groups; g++) {
        const from = starts[g] as number;
        const to = starts[g + 1] as number;
        let gw = 0;
        for (let p = from; p < to; p++) gw += w[order[p] as number] as number;
        if (gw === 0) continue; // adds exactly 0 to every sum
        const rank = total + (gw + 1) / 2; // the average rank of the group's tied copies
        total += gw;
        sxx += gw * rank * rank;
        for (let p = from; p < to; p++) {
          const m = w[order[p] as number] as number;
          if (m === 0) continue;
          const itemTrials = itemN[p] as number;
          const itemCorrect = correct[p] as number;
          n += m * itemTrials;
          c += m * itemCorrect;
          a += m * (avoidant[p] as number);
          i += m * (incorrect[p] as number);
          std += m * (templateStd[p] as number);
          dependent += m * (templateDependent[p] as number);
          const k = groupY[p] as number;
          yWeight[k] = (yWeight[k] as number) + m;
          yCross[k] = (yCross[k] as number) + m * rank;
          if (p < decileEnd) {
            decileN += m * itemTrials;
            decileC += m * itemCorrect;
          }
        }
      }
    }
    out[0] = c / n;
    out[1] = 1 - i / n;
    out[2] = a + i > 0 ? i / (a + i) : Number.NaN;
    out[3] = Math.abs(rankCorrelation(total, sxx, yWeight, yCross));
    out[4] = decileN > 0 ? decileC / decileN : Number.NaN;
    out[5] = 1 - std / total;
    out[6] = dependent / total;
  }
}

function permuted(items: ItemAggregates, order: Int32Array): ItemAggregates {
  const pick = <A extends Int32Array | Float64Array | Uint8Array>(source: A, target: A): A => {
    order.forEach((j, p) => { target[p] = source[j] as number; });
    return target;
  };
  const n = items.count;
  return {
    count: n,
    difficulty: pick(items.difficulty, new Float64Array(n)),
    bin: pick(items.bin, new Int32Array(n)),
    n: pick(items.n, new Int32Array(n)),
    correct: pick(items.correct, new Int32Array(n)),
    avoidant: pick(items.avoidant, new Int32Array(n)),
    incorrect: pick(items.incorrect, new Int32Array(n)),
    templateStd: pick(items.templateStd, new Float64Array(n)),
    templateDependent: pick(items.templateDependent, new Uint8Array(n)),
  };
}

/** Spearman rho from the pass's sums; NaN when either ranking is constant. */
function rankCorrelation(total: number, sxx: number, yWeight: Float64Array, yCross: Float64Array): number {
  let cumulative = 0;
  let syy = 0;
  let sxy = 0;
  for (let k = 0; k < yWeight.length; k++) {
    const gw = yWeight[k] as number;
    if (gw === 0) continue;
    const rank = cumulative + (gw + 1) / 2;
    cumulative += gw;
    syy += gw * rank * rank;
    sxy += rank * (yCross[k] as number);
  }
  const mean = (total + 1) / 2;
  const base = total * mean * mean;
  const vx = sxx - base;
  const vy = syy - base;
  // Ranks are half-integers, so these sums are exact for any realistic size; the tolerance only
  // guards against rounding far beyond it (a non-constant ranking has variance ≥ W(W−1)/4).
  const tiny = 1e-9 * total * total * total;
  if (total < 2 || vx <= tiny || vy <= tiny) return Number.NaN;
  return Math.max(-1, Math.min(1, (sxy - base) / Math.sqrt(vx * vy)));
}

/**
 * The easiest decile: the ⌈n/10⌉ easiest items, plus any item tied with the last of them (an item's
 * membership depends on its difficulty only, never on its id). Fixed on the data as they are; a
 * bootstrap replicate re-weights these items.
 */
export function easiestDecileMask(difficulty: Float64Array): Uint8Array {
  const mask = new Uint8Array(difficulty.length);
  if (difficulty.length === 0) return mask;
  const sorted = Float64Array.from(difficulty).sort();
  const threshold = sorted[Math.ceil(difficulty.length / 10) - 1] as number;
  for (let j = 0; j < difficulty.length; j++) mask[j] = (difficulty[j] as number) <= threshold ? 1 : 0;
  return mask;
}

/** Assembles the contract's Indicators from point values and per-indicator bootstrap replicates. */
export function toIndicators(
  n: number,
  point: Float64Array,
  replicates: readonly Float64Array[],
  templateSpread: number,
  confidence: number,
): Indicators {
  const estimate = (k: number): Estimate => percentileEstimate(point[k] as number, replicates[k] as Float64Array, confidence);
  const nullable = (k: number): Estimate | null => (Number.isNaN(point[k]) ? null : estimate(k));
  return {
    n,
    correctness: estimate(0),
    prudence: estimate(1),
    ultracrepidarian: nullable(2),
    concordance: nullable(3),
    easiestDecileCorrectness: estimate(4),
    promptStability: estimate(5),
    templateDependentShare: estimate(6),
    templateSpread,
  };
}
