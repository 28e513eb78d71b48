/**
 * summary.md: what a CI log or a pull request needs at a glance — the indicator table, the safe
 * regions and the flagged templates. Every untrusted string goes through escapeMarkdown.
 */
import type { ModelAnalysis, ReportInput } from '../../analysis/analysis-types.js';
import { escapeMarkdown as md } from '../escape-markdown.js';
import { count, percent, percentInterval, safeRegionLabel } from '../format.js';
import { INDICATOR_LABELS, indicatorText } from '../indicator-labels.js';

function table(header: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)];
}

function indicatorTable(models: ModelAnalysis[]): string[] {
  const header = ['model', 'trials', ...INDICATOR_LABELS.map(([, label]) => label)];
  const rows = models.map((m) => [md(m.modelKey), count(m.overall.n), ...INDICATOR_LABELS.map(([key]) => indicatorText(m.overall, key))]);
  return table(header, ['l', ...header.slice(1).map(() => 'r' as const)], rows);
}

function safeRegionTable(models: ModelAnalysis[], supervised: boolean): string[] {
  const domains = [...new Set(models.flatMap((m) => m.domains.map((d) => d.domain)))];
  const rows = models.flatMap((m) => {
    if (supervised && !m.domains.some((d) => d.supervision)) return [];
    const cells = domains.map((domain) => {
      const d = m.domains.find((x) => x.domain === domain);
      const region = supervised ? d?.supervision?.safeRegion : d?.safeRegion;
      if (!region) return '—';
      // "none" in bold: the answer a reader scans the table for.
      return region.maxDifficulty === null ? '**none**' : safeRegionLabel(region);
    });
    return [[md(m.modelKey), ...cells]];
  });
  return rows.length ? table(['model', ...domains], ['l', ...domains.map(() => 'r' as const)], rows) : [];
}

function flaggedList(models: ModelAnalysis[]): string[] {
  const items = models.flatMap((m) =>
    m.domains.flatMap((d) =>
      d.templates
        .filter((t) => t.flagged)
        .map((t) => `- ${md(m.modelKey)} · ${d.domain} · template ${md(t.templateId)}: correct ${percentInterval(t.overall.correct)} (all templates ${percent(d.indicators.correctness.value)})`),
    ),
  );
  return items.length ? items : ['None.'];
}

export function renderSummary(input: ReportInput): string {
  const { settings, models } = input.analysis;
  const supervised = safeRegionTable(models, true);
  const lines = [
    `# ${md(input.title)}`,
    '',
    `Made ${md(input.createdAt)} from ${input.runIds.length ? input.runIds.map(md).join(', ') : 'no recorded runs'}; ${models.length} models. Intervals are 95%.`,
    '',
    '## Indicators over all domains',
    '',
    ...indicatorTable(models),
    '',
    `## Safe operating regions (incorrect rate < ${percent(settings.epsilon)} with confidence ${percent(1 - settings.alpha)})`,
    '',
    'The largest calibrated difficulty (0–100) up to which the model is reliably right; **none** when even the easiest items fail.',
    '',
    ...safeRegionTable(models, false),
    ...(supervised.length ? ['', '### Under human supervision (study S2)', '', ...supervised] : []),
    '',
    '## Flagged templates',
    '',
    ...flaggedList(models),
    '',
    'Charts, curves and the easiest failures: `index.html`; all numbers: `metrics.json`.',
    '',
  ];
  return lines.join('\n');
}
