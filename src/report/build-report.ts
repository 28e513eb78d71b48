/**
 * buildReport: a ReportInput → a report folder. index.html (self-contained, no network), one SVG
 * and one PNG per chart under charts/, summary.md for CI logs and pull requests, and metrics.json
 * (the Analysis, verbatim). The same input gives byte-identical files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportInput } from '../analysis/analysis-types.js';
import { planCharts } from './charts/plan-charts.js';
import { type ChartOptions, renderCharts } from './charts/render-charts.js';
import { renderPage } from './html/page.js';
import { renderSummary } from './markdown/summary.js';

export type BuildReportOptions = Partial<ChartOptions>;

export interface BuildReportResult {
  /** Paths of the written files, relative to outDir, sorted. */
  files: string[];
}

export async function buildReport(input: ReportInput, outDir: string, options: BuildReportOptions = {}): Promise<BuildReportResult> {
  const chartsDir = join(outDir, 'charts');
  await mkdir(chartsDir, { recursive: true });
  const plans = planCharts(input.analysis);
  const rendered = await renderCharts(plans, chartsDir, { png: options.png ?? true, pngScale: options.pngScale ?? 2 });
  const byName = new Map(rendered.charts.map((c) => [c.name, c]));
  await writeFile(join(outDir, 'metrics.json'), `${JSON.stringify(input.analysis, null, 2)}\n`);
  await writeFile(join(outDir, 'summary.md'), renderSummary(input));
  // index.html last: its presence means the rest of the folder is complete.
  await writeFile(join(outDir, 'index.html'), renderPage(input, (name) => byName.get(name)));
  return { files: [...rendered.files, 'index.html', 'metrics.json', 'summary.md'].sort() };
}
