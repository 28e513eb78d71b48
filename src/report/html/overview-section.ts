/** Overview: run facts, indicators per model with intervals, safe regions per model × domain. */
import type { Indicators, ModelAnalysis, ReportInput } from '../../analysis/analysis-types.js';
import { count, safeRegionDetail, safeRegionLabel } from '../format.js';
import { INDICATOR_LABELS, indicatorText } from '../indicator-labels.js';
import { html, type SafeHtml } from './safe-html.js';

function indicatorCells(indicators: Indicators): SafeHtml[] {
  return [
    html`<td class="num">${count(indicators.n)}</td>`,
    ...INDICATOR_LABELS.map(([key]) => html`<td class="num">${indicatorText(indicators, key)}</td>`),
    html`<td class="num">${indicators.templateSpread.toFixed(3)}</td>`,
  ];
}

const INDICATOR_HEADERS = html`<th>trials</th>${INDICATOR_LABELS.map(([, label]) => html`<th>${label}</th>`)}<th>template spread</th>`;

function settingsList(input: ReportInput): SafeHtml {
  const s = input.analysis.settings;
  const calibration = Object.entries(s.calibration).map(([domain, how]) => `${domain}: ${how}`).join(', ') || 'default';
  return html`<dl class="facts">
<dt>created</dt><dd>${input.createdAt}</dd>
<dt>runs</dt><dd>${input.runIds.join(', ') || '—'}</dd>
<dt>safe region</dt><dd>incorrect rate below ε = ${s.epsilon} with confidence 1 − α = ${1 - s.alpha}</dd>
<dt>bootstrap</dt><dd>${count(s.bootstrapSamples)} samples, seed ${s.seed}</dd>
<dt>calibration</dt><dd>${calibration}</dd>
</dl>`;
}

function overviewTable(models: ModelAnalysis[]): SafeHtml {
  const rows = models.map((m, i) => html`<tr data-model="${i}"><th scope="row" class="model">${m.modelKey}</th>${indicatorCells(m.overall)}</tr>`);
  return html`<div class="scroll"><table class="indicators"><caption>Indicators over all domains (95% intervals in brackets)</caption>
<thead><tr><th>model</th>${INDICATOR_HEADERS}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function safeRegionTable(models: ModelAnalysis[]): SafeHtml {
  const domains = [...new Set(models.flatMap((m) => m.domains.map((d) => d.domain)))];
  const rows = models.map((m, i) => {
    const cells = domains.map((domain) => {
      const d = m.domains.find((x) => x.domain === domain);
      if (!d) return html`<td data-domain="${domain}">—</td>`;
      const label = safeRegionLabel(d.safeRegion);
      const cls = d.safeRegion.maxDifficulty === null ? 'none' : 'safe';
      return html`<td data-domain="${domain}" class="${cls}" title="${safeRegionDetail(d.safeRegion)}">${label}</td>`;
    });
    return html`<tr data-model="${i}"><th scope="row" class="model">${m.modelKey}</th>${cells}</tr>`;
  });
  return html`<div class="scroll"><table class="safe-regions"><caption>Safe operating region: the largest calibrated difficulty d* up to which the incorrect rate stays below ε (“none” when even the easiest bin fails)</caption>
<thead><tr><th>model</th>${domains.map((d) => html`<th data-domain="${d}">${d}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function domainTable(models: ModelAnalysis[]): SafeHtml {
  const rows = models.flatMap((m, i) =>
    m.domains.map((d) => html`<tr data-model="${i}" data-domain="${d.domain}"><th scope="row" class="model">${m.modelKey}</th><td>${d.domain}</td>${indicatorCells(d.indicators)}</tr>`),
  );
  return html`<details><summary>Indicators per model and domain</summary><div class="scroll"><table class="indicators">
<thead><tr><th>model</th><th>domain</th>${INDICATOR_HEADERS}</tr></thead><tbody>${rows}</tbody></table></div></details>`;
}

export function overviewSection(input: ReportInput): SafeHtml {
  const models = input.analysis.models;
  return html`<section id="overview"><h2>Overview</h2>${settingsList(input)}${overviewTable(models)}${safeRegionTable(models)}${domainTable(models)}</section>`;
}
