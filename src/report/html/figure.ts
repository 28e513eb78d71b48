/** One chart in the page: the inline SVG, its caption, and links to the standalone files. */
import { html, type SafeHtml, trusted } from './safe-html.js';

export interface RenderedChart {
  name: string;
  title: string;
  /** Checked by assertSafeSvg, ids prefixed with the name. */
  svg: string;
}

export type ChartLookup = (name: string) => RenderedChart | undefined;

export function figure(chart: RenderedChart | undefined, caption?: SafeHtml): SafeHtml {
  if (!chart) return html``;
  const captionId = `cap-${chart.name}`;
  // The caption names the chart for screen readers; the SVG's own marks carry no ARIA (config.aria: false).
  const svg = chart.svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${captionId}" `);
  return html`<figure class="chart" id="fig-${chart.name}">
<div class="svg">${trusted(svg)}</div>
<figcaption id="${captionId}">${chart.title}${caption ? html` — ${caption}` : ''} <span class="files">(<a href="charts/${chart.name}.svg">SVG</a>, <a href="charts/${chart.name}.png">PNG</a>)</span></figcaption>
</figure>`;
}
