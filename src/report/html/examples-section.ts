/**
 * The easiest failures, shown as text: prompt, response, what the grader extracted and why it
 * judged the answer wrong. All of it is untrusted and goes through the escaping template; very long
 * texts are cut (the full text stays in the run's store) so one runaway output cannot bloat the page.
 */
import type { FailureExample, ReportInput } from '../../analysis/analysis-types.js';
import { html, type SafeHtml } from './safe-html.js';

export const MAX_TEXT_CHARS = 4000;

export function clip(text: string, max = MAX_TEXT_CHARS): { text: string; cut: number } {
  if (text.length <= max) return { text, cut: 0 };
  // Do not split a surrogate pair: a lone half would turn into U+FFFD in the file.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return { text: text.slice(0, end), cut: text.length - end };
}

function textBlock(label: string, text: string): SafeHtml {
  const { text: shown, cut } = clip(text);
  return html`<div class="label">${label}</div><pre class="untrusted">${shown}</pre>${cut > 0 ? html`<p class="note">… ${cut} more characters not shown</p>` : ''}`;
}

function example(e: FailureExample, modelIndex: number): SafeHtml {
  const extracted = e.extracted === null ? html`<em>no answer extracted</em>` : html`<code>${e.extracted}</code>`;
  return html`<article class="example" data-model="${modelIndex}" data-domain="${e.domain}">
<p class="meta">${e.domain} · difficulty ${e.difficulty.toFixed(1)} · item <code>${e.itemId}</code> · template <code>${e.templateId}</code></p>
${textBlock('prompt', e.prompt)}${textBlock('response', e.response)}
<p class="grade">extracted: ${extracted} · ${e.rationale}</p>
</article>`;
}

export function examplesSection(input: ReportInput): SafeHtml {
  const order = new Map(input.analysis.models.map((m, i) => [m.modelKey, i]));
  // Examples of models missing from the analysis still show, after the others, under their own key.
  const keys = [...new Set([...order.keys(), ...input.examples.map((e) => e.modelKey)])];
  const blocks = keys.flatMap((key, position) => {
    const mine = input.examples.filter((e) => e.modelKey === key);
    if (mine.length === 0) return [];
    const index = order.get(key) ?? position;
    return [html`<div class="model-block" data-model="${index}"><h3 class="model">${key}</h3>${mine.map((e) => example(e, index))}</div>`];
  });
  const body = blocks.length ? blocks : html`<p class="note">No failures to show.</p>`;
  return html`<section id="examples"><h2>Easiest failures</h2>
<p>Wrong answers on the easiest items, easiest first: where a person would least expect the model to fail.</p>${body}</section>`;
}
