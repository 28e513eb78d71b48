/**
 * Scaling and shaping trends (METHOD.md §5): each headline indicator against each metadata axis a
 * user supplied (size in billions of parameters, training compute, raw vs shaped), per domain and
 * over all domains. A model without the axis's metadata, or whose indicator is undefined, is left
 * out of that series; a series with no point is not listed. Points are sorted by x, then model key.
 */
import { DOMAIN_NAMES, type DomainName } from '../core/item.js';
import type { Estimate, Indicators, ModelAnalysis, TrendSeries } from './analysis-types.js';

const TREND_INDICATORS: readonly TrendSeries['indicator'][] = ['correctness', 'prudence', 'ultracrepidarian', 'concordance', 'promptStability'];
const AXES: readonly TrendSeries['axis'][] = ['sizeB', 'computeFlops', 'shaping'];

export function trends(models: readonly ModelAnalysis[]): TrendSeries[] {
  const scopes: (DomainName | 'all')[] = ['all', ...DOMAIN_NAMES];
  const out: TrendSeries[] = [];
  for (const indicator of TREND_INDICATORS) {
    for (const axis of AXES) {
      for (const domain of scopes) {
        const points = pointsOf(models, indicator, axis, domain);
        if (points.length > 0) out.push({ indicator, axis, domain, points });
      }
    }
  }
  return out;
}

function pointsOf(
  models: readonly ModelAnalysis[],
  indicator: TrendSeries['indicator'],
  axis: TrendSeries['axis'],
  domain: DomainName | 'all',
): TrendSeries['points'] {
  const points: TrendSeries['points'] = [];
  for (const m of models) {
    const x = m.metadata[axis];
    if (x === undefined) continue;
    const scope: Indicators | undefined = domain === 'all' ? m.overall : m.domains.find((d) => d.domain === domain)?.indicators;
    const y: Estimate | null | undefined = scope?.[indicator];
    if (y === null || y === undefined) continue;
    points.push({ modelKey: m.modelKey, family: m.metadata.family ?? null, x, y });
  }
  return points.sort((a, b) => compareX(a.x, b.x) || (a.modelKey < b.modelKey ? -1 : a.modelKey > b.modelKey ? 1 : 0));
}

/** Numbers ascending; for shaping, 'raw' before 'shaped'. */
function compareX(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
