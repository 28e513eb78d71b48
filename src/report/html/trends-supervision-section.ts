/** Sections that depend on optional inputs: trends need model metadata, supervision needs study S2. */
import type { Analysis } from '../../analysis/analysis-types.js';
import { modelSlug } from '../charts/chart-common.js';
import { safeRegionDetail, safeRegionLabel } from '../format.js';
import { type ChartLookup, figure } from './figure.js';
import { html, type SafeHtml } from './safe-html.js';

const TREND_CHARTS = ['trend-sizeb', 'trend-computeflops', 'trend-shaping'];

export function trendsSection(charts: ChartLookup): SafeHtml {
  const figures = TREND_CHARTS.map((name) => charts(name)).filter((c) => c !== undefined);
  const body = figures.length
    ? html`<p>Indicators against model size, training compute, and raw versus shaped-up versions of a family, with 95% intervals. Lines join a family’s models.</p>${figures.map((c) => figure(c))}`
    : html`<p class="note">No trends: give models <code>family</code>, <code>sizeB</code>, <code>computeFlops</code> or <code>shaping</code> in the config to compare them by scale and shaping.</p>`;
  return html`<section id="trends"><h2>Scaling and shaping</h2>${body}</section>`;
}

export function supervisionSection(analysis: Analysis, charts: ChartLookup): SafeHtml {
  const blocks = analysis.models.flatMap((m, i) => {
    const supervised = m.domains.filter((d) => d.supervision);
    if (supervised.length === 0) return [];
    const rows = supervised.map((d) => {
      const region = d.supervision?.safeRegion;
      if (!region) return html``;
      const judged = d.supervision?.bins.reduce((s, b) => s + b.wrongJudged, 0) ?? 0;
      return html`<tr data-domain="${d.domain}"><td>${d.domain}</td><td class="${region.maxDifficulty === null ? 'none' : 'safe'}" title="${safeRegionDetail(region)}">${safeRegionLabel(region)}</td><td class="${d.safeRegion.maxDifficulty === null ? 'none' : 'safe'}">${safeRegionLabel(d.safeRegion)}</td><td class="num">${judged}</td></tr>`;
    });
    return [
      html`<div class="model-block" data-model="${i}"><h3 class="model">${m.modelKey}</h3>${figure(charts(`supervision-${modelSlug(i, m.modelKey)}`))}
<table class="supervision"><thead><tr><th>domain</th><th>safe region under supervision</th><th>without supervision</th><th>wrong answers judged</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    ];
  });
  const body = blocks.length
    ? html`<p>From study S2: people saw questions and the model’s answers. Shown is the share of wrong answers they accepted as correct, per difficulty bin; the supervised safe region bounds the rate of errors that slip past people.</p>${blocks}`
    : html`<p class="note">No supervision judgements (study S2) in this analysis.</p>`;
  return html`<section id="supervision"><h2>Supervision</h2>${body}</section>`;
}
