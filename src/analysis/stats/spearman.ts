/**
 * Spearman's rank correlation: the Pearson correlation of ranks, with tied values sharing their
 * average rank. `WeightedSpearman` computes the same quantity for a multiset given as item weights
 * (how many times each item was drawn), which is what a cluster bootstrap needs: the items are sorted
 * once, and every replicate costs O(n) instead of a fresh sort.
 */

/** Ranks 1…n of `values`, ties sharing the average of the ranks they span. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const ranks = new Float64Array(values.length);
  const order = sortedOrder(values);
  const starts = tieGroupStarts(values, order);
  for (let g = 0; g + 1 < starts.length; g++) {
    const from = starts[g] as number;
    const to = starts[g + 1] as number;
    const rank = (from + 1 + to) / 2; // mean of the ranks from+1 … to
    for (let p = from; p < to; p++) ranks[order[p] as number] = rank;
  }
  return ranks;
}

/** Spearman's rho of two equally long samples; null when undefined (fewer than 2 values, or either constant). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (x.length !== y.length) throw new RangeError('spearman: samples differ in length');
  const rho = new WeightedSpearman(x, y).compute(null);
  return Number.isNaN(rho) ? null : rho;
}

/**
 * Spearman's rho of the multiset in which item j appears weights[j] times (ties, including the
 * copies of one item, share average ranks). Exactly the rho of the expanded sample. NaN when undefined.
 */
export class WeightedSpearman {
  private readonly n: number;
  private readonly orderX: Int32Array;
  private readonly orderY: Int32Array;
  private readonly startsX: Int32Array;
  private readonly startsY: Int32Array;
  private readonly rx: Float64Array;
  private readonly ry: Float64Array;

  constructor(x: ArrayLike<number>, y: ArrayLike<number>) {
    if (x.length !== y.length) throw new RangeError('WeightedSpearman: samples differ in length');
    this.n = x.length;
    this.orderX = sortedOrder(x);
    this.orderY = sortedOrder(y);
    this.startsX = tieGroupStarts(x, this.orderX);
    this.startsY = tieGroupStarts(y, this.orderY);
    this.rx = new Float64Array(this.n);
    this.ry = new Float64Array(this.n);
  }

  /** rho for the given item multiplicities (null = every item once). */
  compute(weights: ArrayLike<number> | null): number {
    const total = fillRanks(this.orderX, this.startsX, weights, this.rx);
    fillRanks(this.orderY, this.startsY, weights, this.ry);
    if (total < 2) return Number.NaN;
    const mean = (total + 1) / 2; // average ranks of 1…total always average to this
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let j = 0; j < this.n; j++) {
      const w = weights === null ? 1 : (weights[j] as number);
      if (w === 0) continue;
      const dx = (this.rx[j] as number) - mean;
      const dy = (this.ry[j] as number) - mean;
      sxy += w * dx * dy;
      sxx += w * dx * dx;
      syy += w * dy * dy;
    }
    if (sxx <= 0 || syy <= 0) return Number.NaN;
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }
}

/** Weighted average ranks into `out`, by tie group; returns the total weight. */
function fillRanks(order: Int32Array, starts: Int32Array, weights: ArrayLike<number> | null, out: Float64Array): number {
  let cumulative = 0;
  for (let g = 0; g + 1 < starts.length; g++) {
    const from = starts[g] as number;
    const to = starts[g + 1] as number;
    let groupWeight = 0;
    for (let p = from; p < to; p++) groupWeight += weights === null ? 1 : (weights[order[p] as number] as number);
    const rank = cumulative + (groupWeight + 1) / 2;
    for (let p = from; p < to; p++) out[order[p] as number] = rank;
    cumulative += groupWeight;
  }
  return cumulative;
}

/** Indices sorting `values` ascending (stable, so equal values keep index order). */
export function sortedOrder(values: ArrayLike<number>): Int32Array {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i] as number)) throw new RangeError(`rank: value ${values[i]} at ${i} is not finite`);
  }
  const order = Array.from({ length: values.length }, (_, i) => i);
  order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  return Int32Array.from(order);
}

/** Start positions (in `order`) of each run of equal values, plus a final n. */
export function tieGroupStarts(values: ArrayLike<number>, order: Int32Array): Int32Array {
  const starts: number[] = [];
  for (let p = 0; p < order.length; p++) {
    if (p === 0 || values[order[p] as number] !== values[order[p - 1] as number]) starts.push(p);
  }
  starts.push(order.length);
  return Int32Array.from(starts);
}
