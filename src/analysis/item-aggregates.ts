/**
 * Per-item aggregates of a group table: an item's trial counts and its template behaviour. The
 * indicators and their bootstrap work on these alone; a bootstrap replicate only re-weights items.
 */
import { AVOIDANT, CORRECT, INCORRECT, OUTCOMES, type GroupTable } from './trial-table.js';

export interface ItemAggregates {
  count: number;
  difficulty: Float64Array;
  bin: Int32Array;
  n: Int32Array;
  correct: Int32Array;
  avoidant: Int32Array;
  incorrect: Int32Array;
  /** Population standard deviation, across the item's templates, of per-template correctness. */
  templateStd: Float64Array;
  /** 1 when the item's outcome shares differ between its templates (its outcome depends on the template). */
  templateDependent: Uint8Array;
}

export function itemAggregates(table: GroupTable): ItemAggregates {
  const count = table.itemIds.length;
  const nT = table.templateIds.length;
  const out = emptyAggregates(count);
  out.difficulty.set(table.difficulty);
  out.bin.set(table.bin);
  const cells = table.cells;
  for (let j = 0; j < count; j++) {
    let sum = 0;
    let sumSq = 0;
    let used = 0;
    let first = -1;
    let dependent = 0;
    for (let t = 0; t < nT; t++) {
      const base = (j * nT + t) * OUTCOMES;
      const c = cells[base + CORRECT] as number;
      const a = cells[base + AVOIDANT] as number;
      const i = cells[base + INCORRECT] as number;
      const n = c + a + i;
      if (n === 0) continue;
      out.correct[j] = (out.correct[j] as number) + c;
      out.avoidant[j] = (out.avoidant[j] as number) + a;
      out.incorrect[j] = (out.incorrect[j] as number) + i;
      out.n[j] = (out.n[j] as number) + n;
      const p = c / n;
      sum += p;
      sumSq += p * p;
      used++;
      if (first < 0) first = base;
      else if (dependent === 0 && differentShares(cells, first, base)) dependent = 1;
    }
    const mean = used > 0 ? sum / used : 0;
    // A single template has no spread: std 0 (the formula applied to one value), never NaN.
    out.templateStd[j] = used > 0 ? Math.sqrt(Math.max(0, sumSq / used - mean * mean)) : 0;
    out.templateDependent[j] = dependent;
  }
  return out;
}

/** Whether two cells' outcome shares differ, compared exactly by cross-multiplying the integer counts. */
function differentShares(cells: Int32Array, x: number, y: number): boolean {
  const nx = (cells[x] as number) + (cells[x + 1] as number) + (cells[x + 2] as number);
  const ny = (cells[y] as number) + (cells[y + 1] as number) + (cells[y + 2] as number);
  for (let o = 0; o < OUTCOMES; o++) if ((cells[x + o] as number) * ny !== (cells[y + o] as number) * nx) return true;
  return false;
}

function emptyAggregates(count: number): ItemAggregates {
  return {
    count,
    difficulty: new Float64Array(count),
    bin: new Int32Array(count),
    n: new Int32Array(count),
    correct: new Int32Array(count),
    avoidant: new Int32Array(count),
    incorrect: new Int32Array(count),
    templateStd: new Float64Array(count),
    templateDependent: new Uint8Array(count),
  };
}

/** The items of several groups side by side, in the given order (a model's domains, for its overall indicators). */
export function concatAggregates(parts: readonly ItemAggregates[]): ItemAggregates {
  const out = emptyAggregates(parts.reduce((s, p) => s + p.count, 0));
  let offset = 0;
  for (const p of parts) {
    out.difficulty.set(p.difficulty, offset);
    out.bin.set(p.bin, offset);
    out.n.set(p.n, offset);
    out.correct.set(p.correct, offset);
    out.avoidant.set(p.avoidant, offset);
    out.incorrect.set(p.incorrect, offset);
    out.templateStd.set(p.templateStd, offset);
    out.templateDependent.set(p.templateDependent, offset);
    offset += p.count;
  }
  return out;
}
