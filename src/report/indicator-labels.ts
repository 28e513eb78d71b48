/** The indicators the report shows, in order, with their labels and how each value reads. */
import type { Estimate, Indicators } from '../analysis/analysis-types.js';
import { decimalInterval, percentInterval } from './format.js';

/** Key, label for tables, short label for chart panels (narrow: vega can only estimate text width). */
export const INDICATOR_LABELS = [
  ['correctness', 'correctness', 'correct'],
  ['prudence', 'prudence', 'prudent'],
  ['ultracrepidarian', 'ultracrepidarian rate', 'ultracrepidarian'],
  ['concordance', 'difficulty concordance', 'concordance'],
  ['easiestDecileCorrectness', 'correct on easiest decile', 'easiest decile'],
  ['promptStability', 'prompt stability', 'prompt stability'],
  ['templateDependentShare', 'template-dependent items', 'template-dependent'],
] as const satisfies readonly (readonly [keyof Indicators, string, string])[];

export type IndicatorKey = (typeof INDICATOR_LABELS)[number][0];

export function indicatorEstimate(indicators: Indicators, key: IndicatorKey): Estimate | null {
  return indicators[key];
}

/** Shares read as percentages; concordance (|Spearman|) as a coefficient. */
export function indicatorText(indicators: Indicators, key: IndicatorKey): string {
  return key === 'concordance' ? decimalInterval(indicators.concordance) : percentInterval(indicators[key]);
}
