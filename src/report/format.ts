/** How numbers read in the report (HTML and Markdown alike). */
import type { Estimate, SafeRegion } from '../analysis/analysis-types.js';

export function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** `61.7% [61.3–62.1]`: the estimate and its interval, in percent. */
export function percentInterval(e: Estimate | null): string {
  if (!e) return 'n/a';
  return `${percent(e.value)} [${(e.low * 100).toFixed(1)}–${(e.high * 100).toFixed(1)}]`;
}

/** For coefficients (|Spearman|): `0.652 [0.62–0.68]`. */
export function decimalInterval(e: Estimate | null): string {
  if (!e) return 'n/a';
  return `${e.value.toFixed(3)} [${e.low.toFixed(2)}–${e.high.toFixed(2)}]`;
}

/** `2,400,000`, without toLocaleString (its output depends on the ICU data Node was built with). */
export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `≤ 43.3` or `none`; the bound shows how close the region came. */
export function safeRegionLabel(region: SafeRegion): string {
  return region.maxDifficulty === null ? 'none' : `≤ ${region.maxDifficulty.toFixed(1)}`;
}

export function safeRegionDetail(region: SafeRegion): string {
  const where = region.maxDifficulty === null ? 'at the easiest bin' : 'at d*';
  return `upper bound of the incorrect rate ${where}: ${percent(region.upperBound)} (ε = ${percent(region.epsilon)}, α = ${region.alpha})`;
}
