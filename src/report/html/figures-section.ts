/** The chart sections that exist for every analysis: indicators, difficulty curves, prompt sensitivity. */
import type { Analysis, ModelAnalysis } from '../../analysis/analysis-types.js';
import { modelSlug } from '../charts/chart-common.js';
import { count, percentInterval, safeRegionLabel } from '../format.js';
import { type ChartLookup, figure } from './figure.js';
import { html, type SafeHtml } from './safe-html.js';

export function indicatorsSection(charts: ChartLookup): SafeHtml {
  return html`<section id="indicators"><h2>Indicators across models</h2>
<p>Each panel is one indicator; each row a model. The black diamond and bar give the indicator over all domains with its 95% interval, the coloured dots the same indicator per domain.</p>
${figure(charts('indicators'))}</section>`;
}

function safeRegionBadges(model: ModelAnalysis): SafeHtml {
  return html`safe region per domain: ${model.domains.map(
    (d, k) => html`${k > 0 ? ', ' : ''}${d.domain} <span class="${d.safeRegion.maxDifficulty === null ? 'badge none' : 'badge safe'}">${safeRegionLabel(d.safeRegion)}</span>`,
  )}`;
}

export function difficultySection(analysis: Analysis, charts: ChartLookup): SafeHtml {
  const blocks = analysis.models.map((m, i) => html`<div class="model-block" data-model="${i}"><h3 class="model">${m.modelKey}</h3>
${figure(charts(`outcomes-${modelSlug(i, m.modelKey)}`), safeRegionBadges(m))}</div>`);
  return html`<section id="difficulty"><h2>Answers by difficulty</h2>
<p>As in the paper’s Fig. 2: for each difficulty bin, the shares of correct (blue), avoidant (grey) and incorrect (red) answers, with 95% intervals at the boundaries. The dashed horizontal line is the random-guess rate (science); the green bar along the top marks the safe operating region, up to the dashed green line at d*. Gaps are bins without items.</p>
${blocks}</section>`;
}

function flaggedTable(model: ModelAnalysis, index: number): SafeHtml {
  const rows = model.domains.flatMap((d) =>
    d.templates
      .filter((t) => t.flagged)
      .map((t) => html`<tr data-domain="${d.domain}"><td>${d.domain}</td><td><code>${t.templateId}</code></td><td class="num">${percentInterval(t.overall.correct)}</td><td class="num">${percentInterval(d.indicators.correctness)}</td><td class="num">${count(t.overall.n)}</td></tr>`),
  );
  if (rows.length === 0) return html`<p class="note" data-model="${index}">No flagged templates.</p>`;
  return html`<table class="flagged"><caption>Flagged templates: correctness significantly below the other templates’</caption>
<thead><tr><th>domain</th><th>template</th><th>its correctness</th><th>all templates</th><th>trials</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function promptsSection(analysis: Analysis, charts: ChartLookup): SafeHtml {
  const blocks = analysis.models.map((m, i) => html`<div class="model-block" data-model="${i}"><h3 class="model">${m.modelKey}</h3>
${figure(charts(`templates-${modelSlug(i, m.modelKey)}`))}${flaggedTable(m, i)}</div>`);
  return html`<section id="prompts"><h2>Prompt sensitivity</h2>
<p>Correctness per difficulty bin for each prompt template (grey), flagged templates in red, and all templates together in black. Lines far apart mean the answer depends on how the question is asked.</p>
${blocks}</section>`;
}
