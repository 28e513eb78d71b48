/**
 * Scaling and shaping trends: one chart per axis found in `analysis.trends` (size, compute, raw vs
 * shaped), one panel per indicator (columns) and domain (rows). Points carry their interval; lines
 * join a family's models: along size or compute the raw and the shaped versions separately, and
 * from raw to shaped for each size on the shaping axis. No trends, no charts.
 */
import type { Analysis, ModelMetadata, TrendSeries } from '../../analysis/analysis-types.js';
import { type ChartKind, type ChartPlan, kindSpec, only, type Row } from './chart-common.js';

type Axis = TrendSeries['axis'];

const AXIS_TITLES: Record<Axis, string> = { sizeB: 'parameters (billions)', computeFlops: 'training compute (FLOPs)', shaping: 'shaping' };
const AXIS_ORDER: Axis[] = ['sizeB', 'computeFlops', 'shaping'];
const INDICATOR_ORDER: TrendSeries['indicator'][] = ['correctness', 'prudence', 'ultracrepidarian', 'concordance', 'promptStability'];

function xEncoding(axis: Axis): Record<string, unknown> {
  const title = AXIS_TITLES[axis];
  if (axis === 'shaping') return { field: 'x', type: 'ordinal', sort: ['raw', 'shaped'], title, axis: { labelAngle: 0 } };
  return { field: 'x', type: 'quantitative', scale: { type: 'log' }, title, axis: { format: axis === 'sizeB' ? '~s' : '.0e', tickCount: 4 } };
}

function trendKind(axis: Axis): ChartKind {
  const x = xEncoding(axis);
  const y = { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '%' }, title: null };
  const colour = { field: 'family', type: 'nominal', title: 'family', scale: { scheme: 'tableau10' } };
  // A dash per shaping would split each raw → shaped line in two on the shaping axis.
  const dash = axis === 'shaping' ? {} : { strokeDash: { field: 'shaping', type: 'nominal', title: 'shaping' } };
  return {
    id: `trend-${axis}`,
    spec: kindSpec({
      facet: {
        row: { field: 'domain', type: 'nominal', sort: { field: 'dorder', op: 'min' }, title: null },
        column: { field: 'indicator', type: 'nominal', sort: { field: 'iorder', op: 'min' }, title: null },
      },
      spec: {
        width: 150,
        height: 120,
        layer: [
          { transform: only('point'), mark: { type: 'line', strokeWidth: 1, opacity: 0.7 }, encoding: { x, y, detail: { field: 'group', type: 'nominal' }, color: colour, ...dash } },
          { transform: only('point'), mark: { type: 'rule', opacity: 0.6 }, encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: colour } },
          { transform: only('point'), mark: { type: 'point', filled: true, size: 30 }, encoding: { x, y, color: colour, shape: { field: 'shaping', type: 'nominal', title: 'shaping' } } },
        ],
      },
    }),
  };
}

function rowsFor(analysis: Analysis, axis: Axis): Row[] {
  const metadata = new Map<string, ModelMetadata>(analysis.models.map((m) => [m.modelKey, m.metadata]));
  const domains = [...new Set(analysis.trends.filter((s) => s.axis === axis).map((s) => s.domain))].sort((a, b) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)));
  const rows: Row[] = [];
  for (const series of analysis.trends.filter((s) => s.axis === axis)) {
    for (const p of series.points) {
      const meta = metadata.get(p.modelKey) ?? {};
      const family = p.family ?? meta.family ?? 'unknown family';
      const shaping = meta.shaping ?? 'unknown';
      // Along size/compute a line joins one family's raw (or shaped) models; on the shaping axis, one size's pair.
      const group = axis === 'shaping' ? `${family} · ${meta.sizeB ?? p.modelKey}` : `${family} · ${shaping}`;
      const indicator = series.indicator === 'ultracrepidarian' ? 'ultracrepidarian rate' : series.indicator === 'promptStability' ? 'prompt stability' : series.indicator;
      rows.push({ kind: 'point', domain: series.domain, dorder: domains.indexOf(series.domain), indicator, iorder: INDICATOR_ORDER.indexOf(series.indicator), family, shaping, group, x: p.x, value: p.y.value, low: p.y.low, high: p.y.high });
    }
  }
  // Lines follow row order: sort by x so a family's line runs left to right.
  return rows.sort((a, b) => compareX(a['x'], b['x']));
}

function compareX(a: Row[string] | undefined, b: Row[string] | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function trendCharts(analysis: Analysis): ChartPlan[] {
  const axes = AXIS_ORDER.filter((axis) => analysis.trends.some((s) => s.axis === axis && s.points.length > 0));
  return axes.map((axis) => ({
    name: `trend-${axis.toLowerCase()}`,
    title: axis === 'shaping' ? 'Shaping: raw versus shaped-up models' : `Scaling: indicators against ${AXIS_TITLES[axis]}`,
    kind: trendKind(axis),
    rows: rowsFor(analysis, axis),
  }));
}
