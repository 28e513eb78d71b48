/**
 * The paper's Fig. 2 for one model: per domain (one facet each), stacked correct / avoidant /
 * incorrect shares per difficulty bin, with Wilson intervals at the correct/avoidant and
 * avoidant/incorrect boundaries, a dashed random-guess line where the domain has one (science),
 * and the safe operating region marked by a green bar along the top up to d* and a dashed line at
 * d* (the facet header says "safe ≤ d*" or "safe region: none").
 * One faceted chart per model instead of one chart per model × domain: a fifth of the renders.
 */
import type { ModelAnalysis, ModelDomainAnalysis, SafeRegion } from '../../analysis/analysis-types.js';
import { type ChartKind, type ChartPlan, kindSpec, mid, modelSlug, only, OUTCOME_COLOURS, OUTCOMES, type Row } from './chart-common.js';

export function safeRegionText(region: SafeRegion): string {
  return region.maxDifficulty === null ? 'safe region: none' : `safe ≤ ${region.maxDifficulty.toFixed(1)}`;
}

function rowsFor(d: ModelDomainAnalysis, order: number): Row[] {
  // Two header lines: the domain, then its safe region (vega splits the label in the header).
  const facet = `${d.domain}\n${safeRegionText(d.safeRegion)}`;
  const rows: Row[] = [];
  for (const b of d.bins) {
    if (b.n === 0) continue;
    const c = b.correct.value;
    const a = b.avoidant.value;
    const stack = { correct: [0, c], avoidant: [c, c + a], incorrect: [c + a, 1] } as const;
    for (const outcome of OUTCOMES) rows.push({ kind: 'bar', facet, order, outcome, from: b.from, to: b.to, y0: stack[outcome][0], y1: stack[outcome][1] });
    const x = mid(b.from, b.to);
    rows.push({ kind: 'ci', facet, order, x, low: b.correct.low, high: b.correct.high });
    rows.push({ kind: 'ci', facet, order, x, low: 1 - b.incorrect.high, high: 1 - b.incorrect.low });
  }
  if (d.randomGuess !== null) rows.push({ kind: 'guess', facet, order, y: d.randomGuess, label: 'random guess' });
  if (d.safeRegion.maxDifficulty !== null) rows.push({ kind: 'safe', facet, order, x0: 0, x1: d.safeRegion.maxDifficulty });
  return rows;
}

/** A constant expression: labels are data, never spliced into it. */
export const FACET_LINES = "split(datum.label, '\\n')";

const X = { scale: { domain: [0, 100] }, title: 'calibrated difficulty' };
const Y = { scale: { domain: [0, 1] }, axis: { format: '%' }, title: 'share of answers' };

const OUTCOME_KIND: ChartKind = {
  id: 'outcomes',
  spec: kindSpec({
    facet: { field: 'facet', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null, header: { labelExpr: FACET_LINES } },
    columns: 5,
    spec: {
      width: 160,
      height: 150,
      layer: [
        {
          transform: only('bar'),
          mark: { type: 'rect', stroke: 'white', strokeWidth: 0.3 },
          encoding: {
            x: { field: 'from', type: 'quantitative', ...X },
            x2: { field: 'to' },
            y: { field: 'y0', type: 'quantitative', ...Y },
            y2: { field: 'y1' },
            color: { field: 'outcome', type: 'nominal', title: 'answer', scale: { domain: [...OUTCOMES], range: OUTCOMES.map((o) => OUTCOME_COLOURS[o]) } },
          },
        },
        { transform: only('ci'), mark: { type: 'rule', color: '#222', strokeWidth: 0.8 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
        // The safe region: a green bar along the top edge from 0 to d*, and a dashed line at d*.
        { transform: only('safe'), mark: { type: 'rule', color: '#1a7f1a', strokeWidth: 6 }, encoding: { x: { field: 'x0', type: 'quantitative' }, x2: { field: 'x1' }, y: { datum: 1, type: 'quantitative' } } },
        { transform: only('safe'), mark: { type: 'rule', color: '#1a7f1a', strokeWidth: 1.5, strokeDash: [4, 2] }, encoding: { x: { field: 'x1', type: 'quantitative' } } },
        { transform: only('guess'), mark: { type: 'rule', color: '#000', strokeDash: [6, 3] }, encoding: { y: { field: 'y', type: 'quantitative' } } },
        { transform: only('guess'), mark: { type: 'text', align: 'left', dy: -4, x: 3, fontSize: 9, fontWeight: 'bold' }, encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } } },
      ],
    },
  }),
};

export function outcomeChart(model: ModelAnalysis, index: number): ChartPlan {
  return {
    name: `outcomes-${modelSlug(index, model.modelKey)}`,
    title: `${model.modelKey} — answers by difficulty`,
    kind: OUTCOME_KIND,
    rows: model.domains.flatMap((d, order) => rowsFor(d, order)),
  };
}
