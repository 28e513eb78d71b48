/**
 * Test support: real items of every domain (generated with fixed seeds and finalised like the
 * pipeline does), custom addition items, and prompts rendered from the real templates.
 */
import type { Domain } from '../../core/domain.js';
import type { DomainName, Item } from '../../core/item.js';
import { Rng } from '../../core/rng.js';
import { renderPrompt, type RenderMode } from '../../core/template.js';
import { getDomain } from '../../domains/registry.js';
import { finalizeItem } from '../../generate/finalize-item.js';
import { scienceDataPath } from '../../test-support/paths.js';

const cache = new Map<string, Promise<Item[]>>();

/** `count` real items of a domain, deterministic for the seed. */
export function itemsOf(domain: DomainName, count = 20, seed: string | number = 'grading'): Promise<Item[]> {
  const key = `${domain}/${count}/${seed}`;
  let items = cache.get(key);
  if (items === undefined) {
    const d = getDomain(domain) as Domain;
    items = d
      .generate(Rng.fromSeed(seed, domain), { count, scienceDataPath: scienceDataPath() })
      .then((drafts) => drafts.map((draft) => finalizeItem(d, draft)));
    cache.set(key, items);
  }
  return items;
}

/** An addition item with chosen addends (gold computed with BigInt). */
export function additionItem(a: string, b: string): Item {
  const d = getDomain('addition') as Domain;
  const sum = (BigInt(a) + BigInt(b)).toString();
  return finalizeItem(d, { input: { a, b }, gold: { sum }, difficulty: { f_cry: 1, digits_max: 4, digits_total: 8, digits_sum: 4 }, source: {} });
}

const rendered = new WeakMap<Item, Map<string, string>>();

/** The prompt of template `n` (1–15) of the item's domain, rendered once per item, template and mode. */
export function promptFor(item: Item, n: number, mode: RenderMode): string {
  let prompts = rendered.get(item);
  if (prompts === undefined) rendered.set(item, (prompts = new Map()));
  const key = `${mode}${n}`;
  let prompt = prompts.get(key);
  if (prompt === undefined) {
    const template = getDomain(item.domain).templates[n - 1];
    if (template === undefined) throw new Error(`no template ${n} for ${item.domain}`);
    prompt = renderPrompt(template, item.input, mode);
    prompts.set(key, prompt);
  }
  return prompt;
}
