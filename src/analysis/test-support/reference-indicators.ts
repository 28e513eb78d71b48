/**
 * The indicator calculator as it was before it was fused into one pass (src/analysis/indicators.ts):
 * three passes over every item, no item skipped. Kept verbatim, for tests only, as the reference the
 * faster version must match bit for bit — so that speeding up the bootstrap never changes a report.
 */
import type { ItemAggregates } from '../item-aggregates.js';
import { easiestDecileMask } from '../indicators.js';
import { sortedOrder, tieGroupStarts } from '../stats/spearman.js';

export class ThreePassIndicatorCalculator {
  private readonly order: Int32Array;
  /** Per position in difficulty order: its tie group of difficulty. */
  private readonly groupX: Int32Array;
  /** Items at positions below this in difficulty order form the easiest decile. */
  private readonly decileEnd: number;
  /** Per position in difficulty order: index of the item's correctness among the sorted distinct values. */
  private readonly groupY: Int32Array;
  /** The item aggregates permuted into difficulty order, so the passes read them sequentially. */
  private readonly sorted: ItemAggregates;
  private readonly ones: Int32Array;
  // Scratch, reused by every call.
  private readonly multiplicity: Float64Array;
  private readonly xWeight: Float64Array;
  private readonly xRank: Float64Array;
  private readonly yWeight: Float64Array;
  private readonly yCross: Float64Array;

  constructor(items: ItemAggregates) {
    const itemCorrectness = new Float64Array(items.count);
    for (let j = 0; j < items.count; j++) itemCorrectness[j] = (items.correct[j] as number) / (items.n[j] as number);
    this.order = sortedOrder(items.difficulty);
    const starts = tieGroupStarts(items.difficulty, this.order);
    this.groupX = new Int32Array(items.count);
    for (let g = 0; g + 1 < starts.length; g++) this.groupX.fill(g, starts[g] as number, starts[g + 1] as number);
    this.decileEnd = easiestDecileMask(items.difficulty).reduce((s, x) => s + x, 0);
    const distinct = [...new Set(itemCorrectness)].sort((a, b) => a - b);
    const index = new Map(distinct.map((v, k) => [v, k]));
    this.groupY = Int32Array.from(this.order, (j) => index.get(itemCorrectness[j] as number) as number);
    this.sorted = permuted(items, this.order);
    this.ones = new Int32Array(items.count).fill(1);
    this.multiplicity = new Float64Array(items.count);
    this.xWeight = new Float64Array(Math.max(0, starts.length - 1));
    this.xRank = new Float64Array(Math.max(0, starts.length - 1));
    this.yWeight = new Float64Array(distinct.length);
    this.yCross = new Float64Array(distinct.length);
  }

  /** Writes the indicators, in INDICATOR_KEYS order, into out; NaN where undefined. weights null = each item once. */
  compute(weights: Int32Array | null, out: Float64Array): void {
    const w = weights ?? this.ones;
    const { order, groupX, groupY, multiplicity, decileEnd } = this;
    const count = order.length;
    const xWeight = this.xWeight.fill(0);
    for (let p = 0; p < count; p++) {
      const m = w[order[p] as number] as number;
      multiplicity[p] = m;
      const g = groupX[p] as number;
      xWeight[g] = (xWeight[g] as number) + m;
    }
    const xRank = this.xRank;
    let total = 0;
    let sxx = 0;
    for (let g = 0; g < xWeight.length; g++) {
      const gw = xWeight[g] as number;
      const rank = total + (gw + 1) / 2; // the average rank of the group's tied copies
      xRank[g] = rank;
      total += gw;
      sxx += gw * rank * rank;
    }
    const { n: itemN, correct, avoidant, incorrect, templateStd, templateDependent } = this.sorted;
    const yWeight = this.yWeight.fill(0);
    const yCross = this.yCross.fill(0);
    let n = 0, c = 0, a = 0, i = 0, std = 0, dependent = 0;
    for (let p = 0; p < count; p++) {
      const m = multiplicity[p] as number;
      n += m * (itemN[p] as number);
      c += m * (correct[p] as number);
      a += m * (avoidant[p] as number);
      i += m * (incorrect[p] as number);
      std += m * (templateStd[p] as number);
      dependent += m * (templateDependent[p] as number);
      const k = groupY[p] as number;
      yWeight[k] = (yWeight[k] as number) + m;
      yCross[k] = (yCross[k] as number) + m * (xRank[groupX[p] as number] as number);
    }
    let decileN = 0;
    let decileC = 0;
    for (let p = 0; p < decileEnd; p++) {
      decileN += (multiplicity[p] as number) * (itemN[p] as number);
      decileC += (multiplicity[p] as number) * (correct[p] as number);
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
