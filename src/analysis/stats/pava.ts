/**
 * Weighted isotonic regression by pool-adjacent-violators (Ayer et al. 1955; Barlow et al. 1972).
 * Given values y in a fixed order with positive weights w, returns the non-decreasing sequence f
 * minimising Σ w·(y − f)². Blocks are pooled on a stack, so the whole fit is O(n).
 */
export function pava(values: readonly number[], weights?: readonly number[]): number[] {
  const n = values.length;
  if (weights !== undefined && weights.length !== n) throw new RangeError('pava: values and weights differ in length');
  const mean: number[] = [];
  const weight: number[] = [];
  const size: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const y = values[i] as number;
    if (!(w > 0) || !Number.isFinite(w) || !Number.isFinite(y)) throw new RangeError(`pava: value ${y} with weight ${w} at ${i}`);
    mean.push(y);
    weight.push(w);
    size.push(1);
    // Pool while the newest block is below the one before it (a violation of the order).
    while (mean.length > 1 && (mean[mean.length - 2] as number) > (mean[mean.length - 1] as number)) {
      const wb = weight.pop() as number;
      const mb = mean.pop() as number;
      const sb = size.pop() as number;
      const top = mean.length - 1;
      const wa = weight[top] as number;
      const pooled = wa + wb;
      mean[top] = ((mean[top] as number) * wa + mb * wb) / pooled;
      weight[top] = pooled;
      size[top] = (size[top] as number) + sb;
    }
  }
  const out: number[] = [];
  for (let b = 0; b < mean.length; b++) for (let s = 0; s < (size[b] as number); s++) out.push(mean[b] as number);
  return out;
}
