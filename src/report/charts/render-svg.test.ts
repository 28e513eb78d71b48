import { describe, expect, it } from 'vitest';
import { sampleAnalysis, XSS_MODEL_KEY } from '../test-support/sample-input.js';
import { type ChartKind, kindSpec, modelSlug } from './chart-common.js';
import { outcomeChart } from './outcome-chart.js';
import { SvgRenderer } from './render-svg.js';
import { templateChart } from './template-chart.js';

const analysis = sampleAnalysis({ models: 3, perBin: 60 });

describe('SvgRenderer', () => {
  it('gives the same SVG for a chart whether or not other charts were rendered before (no state leaks)', async () => {
    const [first, second] = analysis.models;
    if (!first || !second) throw new Error('sample too small');
    const alone = await new SvgRenderer().render(outcomeChart(second, 1));
    const renderer = new SvgRenderer();
    await renderer.render(outcomeChart(first, 0));
    await renderer.render(templateChart(first, 0));
    expect(await renderer.render(outcomeChart(second, 1))).toBe(alone);
  });

  it('prefixes every id and reference with the chart name, and numbers them afresh for each chart', async () => {
    // Clipped marks make vega emit clipPath ids (the report's charts have none today; a future one may).
    const kind: ChartKind = { id: 'clipped', spec: kindSpec({ mark: { type: 'bar', clip: true }, encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } } }) };
    const rows = [{ a: 'x', b: 1 }, { a: 'y', b: 2 }];
    const renderer = new SvgRenderer();
    const one = await renderer.render({ name: 'one', title: 'one', kind, rows });
    const two = await renderer.render({ name: 'two', title: 'two', kind, rows });
    const ids = (svg: string): string[] => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1] ?? '');
    const refs = (svg: string): string[] => [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(ids(one)).toEqual(['one-clip1']);
    expect(refs(one)).toEqual(['one-clip1']);
    expect(ids(two)).toEqual(['two-clip1']);
    expect(two.replace(/\btwo\b/g, 'one')).toBe(one);
  });

  it('draws an untrusted model key as escaped text', async () => {
    const last = analysis.models.at(-1);
    if (!last || last.modelKey !== XSS_MODEL_KEY) throw new Error('sample lacks the XSS model');
    const svg = await new SvgRenderer().render(outcomeChart(last, 2));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(');
  });
});

describe('modelSlug', () => {
  it('makes safe, readable, position-unique file names from any key', () => {
    expect(modelSlug(0, 'ollama:llama3.2')).toBe('01-ollama-llama3-2');
    expect(modelSlug(11, '../../etc/passwd')).toBe('12-etc-passwd');
    expect(modelSlug(2, '日本語')).toBe('03');
    expect(modelSlug(7, XSS_MODEL_KEY)).toMatch(/^08-[a-z0-9-]+$/);
  });
});
