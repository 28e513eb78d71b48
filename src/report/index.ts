/** The report library: an analysis (plus failure examples) → a static, network-free report folder. */
export { buildReport, type BuildReportOptions, type BuildReportResult } from './build-report.js';
export { escapeHtml } from './escape-html.js';
export { escapeMarkdown } from './escape-markdown.js';
export { renderSummary } from './markdown/summary.js';
