/**
 * Renders the planned charts and writes charts/<name>.svg and .png. Vega runs on the main thread
 * one chart at a time (its SVG id counters are global); each PNG is rasterised by resvg on libuv's
 * thread pool while vega works on the next chart, with a few PNGs in flight to bound memory.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedChart } from '../html/figure.js';
import type { ChartPlan } from './chart-common.js';
import { renderPng } from './render-png.js';
import { SvgRenderer } from './render-svg.js';

export interface ChartOptions {
  /** Write PNGs too (default true). */
  png: boolean;
  /** PNG pixels per SVG unit (default 2). */
  pngScale: number;
}

const PNG_IN_FLIGHT = 4;

export async function renderCharts(plans: ChartPlan[], chartsDir: string, options: ChartOptions): Promise<{ charts: RenderedChart[]; files: string[] }> {
  const renderer = new SvgRenderer();
  const charts: RenderedChart[] = [];
  const files: string[] = [];
  const inFlight = new Set<Promise<void>>();
  try {
    for (const plan of plans) {
      const svg = await renderer.render(plan);
      charts.push({ name: plan.name, title: plan.title, svg });
      await writeFile(join(chartsDir, `${plan.name}.svg`), svg);
      files.push(`charts/${plan.name}.svg`);
      if (!options.png) continue;
      if (inFlight.size >= PNG_IN_FLIGHT) await Promise.race(inFlight);
      const job = renderPng(svg, options.pngScale).then((png) => writeFile(join(chartsDir, `${plan.name}.png`), png));
      const tracked = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      files.push(`charts/${plan.name}.png`);
    }
    await Promise.all(inFlight);
  } catch (error) {
    // Let the other rasterisations finish (or fail) before reporting, so none rejects unobserved.
    await Promise.allSettled(inFlight);
    throw error;
  }
  return { charts, files };
}
