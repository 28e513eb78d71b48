/** Every chart of a report, in page order. Names are unique: the model's position is in each. */
import type { Analysis } from '../../analysis/analysis-types.js';
import type { ChartPlan } from './chart-common.js';
import { indicatorChart } from './indicator-chart.js';
import { outcomeChart } from './outcome-chart.js';
import { supervisionChart } from './supervision-chart.js';
import { templateChart } from './template-chart.js';
import { trendCharts } from './trend-chart.js';

export function planCharts(analysis: Analysis): ChartPlan[] {
  const plans: ChartPlan[] = [
    indicatorChart(analysis),
    ...analysis.models.map(outcomeChart),
    ...analysis.models.map(templateChart),
    ...trendCharts(analysis),
    ...analysis.models.flatMap((m, i) => supervisionChart(m, i) ?? []),
  ];
  const names = new Set(plans.map((p) => p.name));
  if (names.size !== plans.length) throw new Error('reliabench report: two charts got the same file name (a bug in planCharts)');
  return plans;
}
