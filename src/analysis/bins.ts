/**
 * Difficulty curves: shares of correct / avoidant / incorrect per difficulty bin (the paper's
 * Fig. 2), overall and per template, each share with a Wilson interval over the bin's trials. Only
 * bins with at least one trial are listed (an empty bin has no share to show).
 */
import { BIN_COUNT } from '../core/item.js';
import type { BinShares, OutcomeShares, TemplateCurve } from './analysis-types.js';
import type { ItemAggregates } from './item-aggregates.js';
import { wilson } from './stats/wilson.js';
import { AVOIDANT, CORRECT, INCORRECT, OUTCOMES, type GroupTable } from './trial-table.js';

/** The difficulty range [from, to) of a bin on the 0–100 axis (the last bin includes 100). */
export function binRange(bin: number): { from: number; to: number } {
  return { from: (bin * 100) / BIN_COUNT, to: ((bin + 1) * 100) / BIN_COUNT };
}

export function outcomeShares(correct: number, avoidant: number, incorrect: number, confidence = 0.95): OutcomeShares {
  const n = correct + avoidant + incorrect;
  return { n, correct: wilson(correct, n, confidence), avoidant: wilson(avoidant, n, confidence), incorrect: wilson(incorrect, n, confidence) };
}

/** counts[bin · 3 + outcome] over all trials of the items. */
export function binCounts(items: ItemAggregates): Int32Array {
  const counts = new Int32Array(BIN_COUNT * OUTCOMES);
  for (let j = 0; j < items.count; j++) {
    const base = (items.bin[j] as number) * OUTCOMES;
    counts[base + CORRECT] = (counts[base + CORRECT] as number) + (items.correct[j] as number);
    counts[base + AVOIDANT] = (counts[base + AVOIDANT] as number) + (items.avoidant[j] as number);
    counts[base + INCORRECT] = (counts[base + INCORRECT] as number) + (items.incorrect[j] as number);
  }
  return counts;
}

/** BinShares for every non-empty bin of counts[bin · 3 + outcome] (offset selects one template's block). */
export function binShares(counts: Int32Array, confidence = 0.95, offset = 0): BinShares[] {
  const out: BinShares[] = [];
  for (let bin = 0; bin < BIN_COUNT; bin++) {
    const base = offset + bin * OUTCOMES;
    const c = counts[base + CORRECT] as number;
    const a = counts[base + AVOIDANT] as number;
    const i = counts[base + INCORRECT] as number;
    if (c + a + i === 0) continue;
    out.push({ bin, ...binRange(bin), ...outcomeShares(c, a, i, confidence) });
  }
  return out;
}

/** counts[(template · BIN_COUNT + bin) · 3 + outcome]. */
export function templateBinCounts(table: GroupTable): Int32Array {
  const nT = table.templateIds.length;
  const counts = new Int32Array(nT * BIN_COUNT * OUTCOMES);
  for (let j = 0; j < table.itemIds.length; j++) {
    const bin = table.bin[j] as number;
    for (let t = 0; t < nT; t++) {
      const cell = (j * nT + t) * OUTCOMES;
      const target = (t * BIN_COUNT + bin) * OUTCOMES;
      for (let o = 0; o < OUTCOMES; o++) counts[target + o] = (counts[target + o] as number) + (table.cells[cell + o] as number);
    }
  }
  return counts;
}

/** One curve per template, in template-id order; `flagged` comes from the sensitivity test. */
export function templateCurves(table: GroupTable, counts: Int32Array, flagged: ReadonlySet<string>, confidence = 0.95): TemplateCurve[] {
  return table.templateIds.map((templateId, t) => {
    const offset = t * BIN_COUNT * OUTCOMES;
    let c = 0, a = 0, i = 0;
    for (let bin = 0; bin < BIN_COUNT; bin++) {
      const base = offset + bin * OUTCOMES;
      c += counts[base + CORRECT] as number;
      a += counts[base + AVOIDANT] as number;
      i += counts[base + INCORRECT] as number;
    }
    return { templateId, overall: outcomeShares(c, a, i, confidence), bins: binShares(counts, confidence, offset), flagged: flagged.has(templateId) };
  });
}

/**
 * Per bin, the spread (max − min) of per-template correctness, for bins where at least two
 * templates have trials. Note it includes sampling noise: small bins spread more by chance.
 */
export function templateSpreads(templates: number, counts: Int32Array): number[] {
  const spreads: number[] = [];
  for (let bin = 0; bin < BIN_COUNT; bin++) {
    let lo = Infinity;
    let hi = -Infinity;
    let used = 0;
    for (let t = 0; t < templates; t++) {
      const base = (t * BIN_COUNT + bin) * OUTCOMES;
      const n = (counts[base + CORRECT] as number) + (counts[base + AVOIDANT] as number) + (counts[base + INCORRECT] as number);
      if (n === 0) continue;
      const p = (counts[base + CORRECT] as number) / n;
      lo = Math.min(lo, p);
      hi = Math.max(hi, p);
      used++;
    }
    if (used >= 2) spreads.push(hi - lo);
  }
  return spreads;
}
