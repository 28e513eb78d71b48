/** Scaling and shaping trends of the sample: each indicator over all domains against each axis. */
import type { ModelAnalysis, TrendSeries } from '../../analysis/analysis-types.js';

const INDICATORS: TrendSeries['indicator'][] = ['correctness', 'prudence', 'ultracrepidarian', 'concordance', 'promptStability'];
const AXES: TrendSeries['axis'][] = ['sizeB', 'computeFlops', 'shaping'];

export function sampleTrends(models: ModelAnalysis[]): TrendSeries[] {
  return AXES.flatMap((axis) =>
    INDICATORS.map((indicator) => ({
      indicator,
      axis,
      domain: 'all' as const,
      points: models.flatMap((m) => {
        const x = m.metadata[axis];
        const y = m.overall[indicator];
        return x === undefined || y === null ? [] : [{ modelKey: m.modelKey, family: m.metadata.family ?? null, x, y }];
      }),
    })),
  );
}
