import type { DomainName } from './item.js';

/**
 * A natural prompt template [paper: 15 per domain]. `text` uses `{name}` placeholders filled from
 * an item's `input`. Chat models get the filled text as the only user message; raw (base) models get
 * the filled text followed by a blank line and the `cue`, and continue from there (METHOD.md §3).
 */
export interface Template {
  /** Stable id, e.g. `addition-07`. */
  id: string;
  domain: DomainName;
  /** One tag from each group in TEMPLATE_TAG_GROUPS. */
  tags: string[];
  text: string;
  /** The answer cue for completion mode, e.g. `Answer:` (may use placeholders too). */
  cue: string;
}

/** The ways people's requests differ (METHOD.md §3); every template carries one tag of each group. */
export const TEMPLATE_TAG_GROUPS = {
  form: ['question', 'imperative', 'conversational'],
  order: ['instruction-first', 'data-first'],
  length: ['terse', 'verbose'],
  format: ['format-hint', 'no-format-hint'],
} as const;

/** One tag of each group, in the order form, order, length, format. */
export type TemplateTags = [
  form: (typeof TEMPLATE_TAG_GROUPS.form)[number],
  order: (typeof TEMPLATE_TAG_GROUPS.order)[number],
  length: (typeof TEMPLATE_TAG_GROUPS.length)[number],
  format: (typeof TEMPLATE_TAG_GROUPS.format)[number],
];

/** Template number n of a domain: id `<domain>-NN`, tags checked at compile time. */
export function defineTemplate(domain: DomainName, n: number, tags: TemplateTags, text: string, cue = 'Answer:'): Template {
  return { id: `${domain}-${String(n).padStart(2, '0')}`, domain, tags: [...tags], text, cue };
}

export type RenderMode = 'chat' | 'completion';

const PLACEHOLDER = /\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Fills a template. A missing placeholder value is a programming error, so it throws. */
export function fillTemplate(text: string, input: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = input[name];
    if (value === undefined) throw new Error(`template placeholder {${name}} has no value in the item's input`);
    return value;
  });
}

export function renderPrompt(template: Template, input: Record<string, string>, mode: RenderMode): string {
  const filled = fillTemplate(template.text, input);
  return mode === 'chat' ? filled : `${filled}\n\n${fillTemplate(template.cue, input)}`;
}
