/**
 * Sample quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan
 * type 7, the default of R and NumPy): h = (n − 1)·p, then interpolate between x[⌊h⌋] and x[⌈h⌉].
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}
