/**
 * What every chart shares. A chart is a *kind* (a Vega-Lite spec whose data is the named dataset
 * `table` and whose title is the signal `chartTitle`) plus one instance's rows and title. Compiling
 * and parsing a spec is about half the cost of a chart, so each kind is compiled once per build and
 * every model's chart reuses it; untrusted text (model keys) only ever travels as data or as a
 * signal value, never inside a Vega expression.
 */
import type { TopLevelSpec } from 'vega-lite';

export type Row = Record<string, string | number | null>;

export interface ChartKind {
  id: string;
  spec: TopLevelSpec;
}

export interface ChartPlan {
  /** File base name under charts/ and the SVG id prefix: [a-z0-9-] only. */
  name: string;
  /** Drawn as the chart's title and used as its caption (may hold untrusted model keys). */
  title: string;
  kind: ChartKind;
  rows: Row[];
}

export const OUTCOME_COLOURS = { correct: '#3b7dd8', avoidant: '#c8c8c8', incorrect: '#d6604d' } as const;
export const OUTCOMES = ['correct', 'avoidant', 'incorrect'] as const;

/** Vega config for every chart: static (no ARIA per mark: the HTML describes each chart once). */
const CHART_CONFIG = {
  aria: false,
  background: 'white',
  font: 'Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 10, titleFontSize: 11, gridColor: '#eee' },
  header: { labelFontSize: 11, titleFontSize: 11, labelLimit: 0 },
  legend: { labelFontSize: 10, titleFontSize: 11, orient: 'bottom', labelLimit: 260 },
  title: { fontSize: 13, anchor: 'start', limit: 900 },
};

/** The frame every kind shares: schema, config, the named dataset and the title signal. */
export function kindSpec(body: Record<string, unknown>): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    params: [{ name: 'chartTitle', value: '' }],
    title: { text: { expr: 'chartTitle' } },
    data: { name: 'table' },
    ...body,
  } as TopLevelSpec;
}

/** Keeps only rows of one layer: several layers share the table, told apart by `kind`. */
export function only(kind: string): [{ filter: { field: string; equal: string } }] {
  return [{ filter: { field: 'kind', equal: kind } }];
}

/** `01-ollama-llama-8b`: the model's position keeps names unique; the key only helps a reader. */
export function modelSlug(index: number, modelKey: string): string {
  const readable = modelKey
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const position = String(index + 1).padStart(2, '0');
  return readable ? `${position}-${readable}` : position;
}

/** The bin's midpoint on the 0–100 axis, rounded so the data (and so the SVG) is stable. */
export function mid(from: number, to: number): number {
  return Math.round(((from + to) / 2) * 1e4) / 1e4;
}
