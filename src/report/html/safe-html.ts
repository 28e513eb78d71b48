/**
 * A tiny HTML template tag that escapes every interpolated value with escapeHtml unless it is
 * already SafeHtml (markup the report built itself, or a chart SVG that passed assertSafeSvg).
 * Escaping by default means forgetting to escape cannot happen; trusting is the explicit act.
 */
import { escapeHtml } from '../escape-html.js';

export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map((v: Value) => render(v)).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup produced by code we trust; never pass untrusted text here. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
