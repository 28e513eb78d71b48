/**
 * Supervision (study S2) for one model: per domain and difficulty bin, the share of wrong answers
 * that people accepted as correct, with its interval; the supervised safe region (errors that slip
 * past people stay under ε) is shaded and named in the facet header.
 */
import type { ModelAnalysis, ModelDomainAnalysis } from '../../analysis/analysis-types.js';
import { type ChartKind, type ChartPlan, kindSpec, mid, modelSlug, only, type Row } from './chart-common.js';
import { FACET_LINES, safeRegionText } from './outcome-chart.js';

function rowsFor(d: ModelDomainAnalysis, order: number): Row[] {
  if (!d.supervision) return [];
  const region = d.supervision.safeRegion;
  const facet = `${d.domain}\nsupervised: ${region.maxDifficulty === null ? 'none' : safeRegionText(region)}`;
  const rows: Row[] = d.supervision.bins
    .filter((b) => b.wrongJudged > 0)
    .map((b) => ({ kind: 'bin', facet, order, x: mid(b.from, b.to), value: b.acceptedAsCorrect.value, low: b.acceptedAsCorrect.low, high: b.acceptedAsCorrect.high, judged: b.wrongJudged }));
  const max = d.supervision.safeRegion.maxDifficulty;
  if (max !== null) rows.push({ kind: 'safe', facet, order, x0: 0, x1: max });
  // An empty domain still gets its facet, so "none" is visible even without judgements.
  if (rows.length === 0) rows.push({ kind: 'empty', facet, order });
  return rows;
}

const X = { scale: { domain: [0, 100] }, title: 'calibrated difficulty' };

const SUPERVISION_KIND: ChartKind = {
  id: 'supervision',
  spec: kindSpec({
    facet: { field: 'facet', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null, header: { labelExpr: FACET_LINES } },
    columns: 5,
    spec: {
      width: 160,
      height: 130,
      layer: [
        { transform: only('safe'), mark: { type: 'rect', color: '#2ca02c', opacity: 0.13 }, encoding: { x: { field: 'x0', type: 'quantitative', ...X }, x2: { field: 'x1' } } },
        { transform: only('bin'), mark: { type: 'rule', color: '#555' }, encoding: { x: { field: 'x', type: 'quantitative', ...X }, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
        {
          transform: only('bin'),
          mark: { type: 'point', filled: true, color: '#9467bd' },
          encoding: {
            x: { field: 'x', type: 'quantitative', ...X },
            y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '%' }, title: 'wrong answers accepted' },
            size: { field: 'judged', type: 'quantitative', title: 'wrong answers judged', scale: { range: [10, 80], zero: false } },
          },
        },
      ],
    },
  }),
};

export function supervisionChart(model: ModelAnalysis, index: number): ChartPlan | null {
  if (!model.domains.some((d) => d.supervision)) return null;
  return {
    name: `supervision-${modelSlug(index, model.modelKey)}`,
    title: `${model.modelKey} — wrong answers people accepted as correct`,
    kind: SUPERVISION_KIND,
    rows: model.domains.flatMap((d, order) => rowsFor(d, order)),
  };
}
