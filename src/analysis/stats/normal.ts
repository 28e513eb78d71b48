/**
 * Normal and Student-t helpers. The project's jstat declaration (src/types/jstat.d.ts) names only
 * what other code needs; the two distribution functions used here are typed locally rather than
 * widening that shared file.
 */
import { createRequire } from 'node:module';

interface JStatDistributions {
  normal: { cdf(x: number, mean: number, std: number): number; inv(p: number, mean: number, std: number): number };
  studentt: { cdf(x: number, dof: number): number };
}

// Loaded on first use: `compare` and `run` import this module (through wilson.ts) without always
// needing a quantile, and jstat costs a tenth of a second of start-up.
let loaded: JStatDistributions | undefined;
function dist(): JStatDistributions {
  loaded ??= createRequire(import.meta.url)('jstat') as JStatDistributions;
  return loaded;
}

let lastConfidence = Number.NaN;
let lastZ = Number.NaN;

/** The two-sided normal quantile for a confidence level: 1.959964 for 0.95 (remembered: hundreds of thousands of Wilson intervals share one level). */
export function zFor(confidence: number): number {
  if (confidence === lastConfidence) return lastZ;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  lastZ = dist().normal.inv(1 - (1 - confidence) / 2, 0, 1);
  lastConfidence = confidence;
  return lastZ;
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return dist().normal.cdf(z, 0, 1);
}

/** P(T ≤ t) for Student's t with `dof` degrees of freedom. */
export function studentTCdf(t: number, dof: number): number {
  return dist().studentt.cdf(t, dof);
}
