import { describe, expect, it } from 'vitest';
import type { ReportInput } from '../../analysis/analysis-types.js';
import { sampleReportInput } from '../test-support/sample-input.js';
import { renderSummary } from './summary.js';

/** Cells of a Markdown table row, splitting only at unescaped pipes. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

function tables(markdown: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length) (blocks.push(current), (current = []));
  }
  return blocks;
}

describe('renderSummary', () => {
  const input = sampleReportInput({ models: 8, perBin: 60 });
  const summary = renderSummary(input);

  it('has the overview table, safe regions (with supervision) and flagged templates', () => {
    expect(summary).toContain('## Indicators over all domains');
    expect(summary).toContain('## Safe operating regions');
    expect(summary).toContain('### Under human supervision');
    expect(summary).toContain('## Flagged templates');
    expect(summary).toContain('**none**');
    expect(summary).toMatch(/- ollama:llama-1b-chat · addition · template addition-07: correct /);
  });

  it('keeps every table row at its header’s cell count, whatever the model key holds', () => {
    const found = tables(summary);
    expect(found.length).toBe(3);
    for (const table of found) {
      const width = cells(table[0] ?? '').length;
      for (const row of table) expect(cells(row), row).toHaveLength(width);
      expect(table.length).toBe(2 + (table === found[2] ? 2 : 8));
    }
  });

  it('escapes the hostile model key and title', () => {
    expect(summary).not.toMatch(/<script|<img/);
    expect(summary).toContain('replay:&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert("key")&lt;/script&gt;\\|a\\`b\\`');
    expect(summary.split('\n')[0]).toBe('# Sample reliability report &lt;script&gt;alert("title")&lt;/script&gt;');
  });

  it('says "None." when no template is flagged and leaves out supervision when there is none', () => {
    const plain: ReportInput = structuredClone(input);
    for (const m of plain.analysis.models)
      for (const d of m.domains) {
        d.supervision = null;
        for (const t of d.templates) t.flagged = false;
      }
    const text = renderSummary(plain);
    expect(text).toContain('## Flagged templates\n\nNone.');
    expect(text).not.toContain('supervision');
  });
});
