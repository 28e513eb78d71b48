/**
 * Holm's step-down adjustment (Holm 1979): controls the family-wise error rate across m tests with
 * no assumption about their dependence, and is uniformly more powerful than Bonferroni.
 * adjusted p_(k) = max over j ≤ k of min(1, (m − j + 1)·p_(j)), for p sorted ascending (1-based k).
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`holm: p-value ${p} at ${i} is not in [0, 1]`);
    return i;
  });
  order.sort((a, b) => (pValues[a] as number) - (pValues[b] as number) || a - b);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)));
    adjusted[index] = running;
  });
  return adjusted;
}
