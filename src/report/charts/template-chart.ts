/**
 * Prompt sensitivity for one model: per domain, each template's correctness per difficulty bin as a
 * thin grey line, flagged templates (significantly worse than the others) as red lines on top, and
 * the model's correctness over all templates in black. Template ids are not drawn (there are 15 per
 * domain); the HTML lists the flagged ones by name.
 */
import type { BinShares, ModelAnalysis, ModelDomainAnalysis } from '../../analysis/analysis-types.js';
import { type ChartKind, type ChartPlan, kindSpec, mid, modelSlug, type Row } from './chart-common.js';
import { FACET_LINES } from './outcome-chart.js';

const LINE_KINDS = ['template', 'flagged template', 'all templates'] as const;
const LINE_COLOURS = ['#b9b9b9', '#d62728', '#111111'];

/**
 * All templates of one kind in a facet form a single line broken by null rows (Vega-Lite breaks
 * paths at invalid values), ordered by `seq`. A line mark grouped by template would build a
 * sub-dataflow per template, and one rule per segment a DOM element each: both several times slower.
 */
function polyline(kind: string, facet: string, order: number, bins: BinShares[], start: number): Row[] {
  const rows: Row[] = bins.filter((b) => b.n > 0).map((b, k) => ({ kind, facet, order, seq: start + k, x: mid(b.from, b.to), y: b.correct.value }));
  rows.push({ kind, facet, order, seq: start + rows.length, x: null, y: null });
  return rows;
}

function rowsFor(d: ModelDomainAnalysis, order: number): Row[] {
  const flagged = d.templates.filter((t) => t.flagged).length;
  const facet = `${d.domain}\n${flagged === 0 ? 'no flagged templates' : `${flagged} flagged template${flagged === 1 ? '' : 's'}`}`;
  const rows: Row[] = [];
  for (const t of [...d.templates, { flagged: null, bins: d.bins }]) {
    const kind = t.flagged === null ? 'all templates' : t.flagged ? 'flagged template' : 'template';
    rows.push(...polyline(kind, facet, order, t.bins, rows.length));
  }
  return rows;
}

function lineLayer(kind: (typeof LINE_KINDS)[number], strokeWidth: number) {
  return {
    transform: [{ filter: { field: 'kind', equal: kind } }],
    mark: { type: 'line', strokeWidth, strokeJoin: 'round' },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale: { domain: [0, 100] }, title: 'calibrated difficulty' },
      y: { field: 'y', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '%' }, title: 'correct' },
      order: { field: 'seq', type: 'quantitative' },
      color: { field: 'kind', type: 'nominal', title: null, scale: { domain: [...LINE_KINDS], range: LINE_COLOURS } },
    },
  };
}

const TEMPLATE_KIND: ChartKind = {
  id: 'templates',
  spec: kindSpec({
    facet: { field: 'facet', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null, header: { labelExpr: FACET_LINES } },
    columns: 5,
    spec: {
      width: 160,
      height: 150,
      // Drawn in this order so flagged and overall lines stay visible above the grey ones.
      layer: [lineLayer('template', 0.8), lineLayer('flagged template', 1.8), lineLayer('all templates', 2)],
    },
  }),
};

export function templateChart(model: ModelAnalysis, index: number): ChartPlan {
  return {
    name: `templates-${modelSlug(index, model.modelKey)}`,
    title: `${model.modelKey} — correctness per prompt template`,
    kind: TEMPLATE_KIND,
    rows: model.domains.flatMap((d, order) => rowsFor(d, order)),
  };
}
