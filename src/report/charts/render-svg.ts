/**
 * Chart → static SVG string with no DOM: vega runs headless (`renderer: 'none'`) and serialises its
 * scenegraph. Each kind is compiled (Vega-Lite → Vega) and parsed once per renderer; a chart then
 * costs only a View over its rows. Vega numbers clip paths and gradients from module-wide counters,
 * so they are reset before each chart (same input, same ids), and ids are prefixed with the chart's
 * name because many SVGs are inlined into one HTML document, where an id must be unique.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { ChartKind, ChartPlan } from './chart-common.js';
import { assertSafeSvg } from './svg-safety.js';

export class SvgRenderer {
  private readonly runtimes = new Map<string, vega.Runtime>();

  private runtime(kind: ChartKind): vega.Runtime {
    let runtime = this.runtimes.get(kind.id);
    if (!runtime) {
      runtime = vega.parse(compile(kind.spec).spec as unknown as vega.Spec);
      this.runtimes.set(kind.id, runtime);
    }
    return runtime;
  }

  async render(chart: ChartPlan): Promise<string> {
    const view = new vega.View(this.runtime(chart.kind), { renderer: 'none' });
    try {
      view.signal('chartTitle', chart.title);
      // Vega annotates data objects in place: hand it copies so a plan can be rendered twice.
      view.data('table', chart.rows.map((row) => ({ ...row })));
      vega.resetSVGDefIds();
      const svg = prefixIds(await view.toSVG(), chart.name);
      assertSafeSvg(svg);
      return svg;
    } finally {
      view.finalize();
    }
  }
}

/** Renames every `id="x"` and `url(#x)` reference; the prefix is a safe file name ([a-z0-9-]). */
export function prefixIds(svg: string, prefix: string): string {
  return svg.replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`);
}
