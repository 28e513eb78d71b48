/** The whole index.html: head with CSP, header, filters, navigation, then the sections. */
import { DOMAIN_NAMES } from '../../core/item.js';
import type { ReportInput } from '../../analysis/analysis-types.js';
import { examplesSection } from './examples-section.js';
import type { ChartLookup } from './figure.js';
import { difficultySection, indicatorsSection, promptsSection } from './figures-section.js';
import { overviewSection } from './overview-section.js';
import { CONTENT_SECURITY_POLICY, SCRIPT, STYLE } from './page-assets.js';
import { html, trusted, type SafeHtml } from './safe-html.js';
import { supervisionSection, trendsSection } from './trends-supervision-section.js';

export const SECTIONS = [
  ['overview', 'Overview'],
  ['indicators', 'Indicators'],
  ['difficulty', 'Answers by difficulty'],
  ['prompts', 'Prompt sensitivity'],
  ['trends', 'Scaling and shaping'],
  ['supervision', 'Supervision'],
  ['examples', 'Easiest failures'],
] as const;

function filters(input: ReportInput): SafeHtml {
  const present = new Set(input.analysis.models.flatMap((m) => m.domains.map((d) => d.domain)));
  const domains = DOMAIN_NAMES.filter((d) => present.has(d));
  return html`<div id="filters" hidden>
<label>model <select id="filter-model"><option value="all">all models</option>${input.analysis.models.map((m, i) => html`<option value="${i}">${m.modelKey}</option>`)}</select></label>
<label>domain <select id="filter-domain"><option value="all">all domains</option>${domains.map((d) => html`<option value="${d}">${d}</option>`)}</select></label>
</div>`;
}

export function renderPage(input: ReportInput, charts: ChartLookup): string {
  const a = input.analysis;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reliabench">
<title>${input.title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<header class="page">
<h1>${input.title}</h1>
<p class="note">Reliability report: ${a.models.length} models, made ${input.createdAt}. Method after Zhou et al., “Larger and more instructable language models become less reliable”, Nature 2024.</p>
<nav><ul>${SECTIONS.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ul></nav>
${filters(input)}
</header>
<main>
${overviewSection(input)}
${indicatorsSection(charts)}
${difficultySection(a, charts)}
${promptsSection(a, charts)}
${trendsSection(charts)}
${supervisionSection(a, charts)}
${examplesSection(input)}
<footer>Made by reliabench from metrics.json (the analysis as data) and the run’s failure examples. Model outputs are shown as text, never as markup.</footer>
</main>
<script>${trusted(SCRIPT)}</script>
</body>
</html>
`;
  return page.markup;
}
