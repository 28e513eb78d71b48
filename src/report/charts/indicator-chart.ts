/**
 * Indicators compared across models (the paper's Fig. 1 in spirit): one panel per indicator, one
 * row per model; the black dot and bar are the indicator over all domains with its interval, the
 * small coloured dots the same indicator per domain. Indicators that are undefined (null) are left out.
 */
import { DOMAIN_NAMES } from '../../core/item.js';
import type { Analysis } from '../../analysis/analysis-types.js';
import { INDICATOR_LABELS, indicatorEstimate } from '../indicator-labels.js';
import { type ChartKind, type ChartPlan, kindSpec, only, type Row } from './chart-common.js';

function rowsFor(analysis: Analysis): Row[] {
  const rows: Row[] = [];
  for (const [morder, m] of analysis.models.entries()) {
    for (const [iorder, [key, , indicator]] of INDICATOR_LABELS.entries()) {
      const overall = indicatorEstimate(m.overall, key);
      if (overall) rows.push({ kind: 'overall', model: m.modelKey, morder, indicator, iorder, value: overall.value, low: overall.low, high: overall.high });
      for (const d of m.domains) {
        const e = indicatorEstimate(d.indicators, key);
        if (e) rows.push({ kind: 'domain', model: m.modelKey, morder, indicator, iorder, domain: d.domain, value: e.value });
      }
    }
  }
  return rows;
}

const X = { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '%', tickCount: 3 }, title: null };
const Y = { field: 'model', type: 'nominal', sort: { field: 'morder', op: 'min' }, title: null, axis: { labelLimit: 220 } };

const INDICATOR_KIND: ChartKind = {
  id: 'indicators',
  spec: kindSpec({
    facet: { column: { field: 'indicator', type: 'nominal', sort: { field: 'iorder', op: 'min' }, title: null, header: { labelFontWeight: 'bold' } } },
    spec: {
      width: 125,
      height: { step: 16 },
      layer: [
        {
          transform: only('domain'),
          mark: { type: 'point', filled: true, size: 22, opacity: 0.75 },
          encoding: { x: X, y: Y, color: { field: 'domain', type: 'nominal', title: 'domain', scale: { domain: [...DOMAIN_NAMES], scheme: 'tableau10' } } },
        },
        { transform: only('overall'), mark: { type: 'rule', color: '#111', strokeWidth: 1.5 }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, y: Y } },
        { transform: only('overall'), mark: { type: 'point', filled: true, color: '#111', size: 40, shape: 'diamond' }, encoding: { x: X, y: Y } },
      ],
    },
  }),
};

export function indicatorChart(analysis: Analysis): ChartPlan {
  return { name: 'indicators', title: 'Indicators per model: all domains (black, with interval) and per domain (colours)', kind: INDICATOR_KIND, rows: rowsFor(analysis) };
}
