import { describe, expect, it } from 'vitest';
import type { Item } from '../core/item.js';
import { renderPrompt } from '../core/template.js';
import { getDomain } from '../domains/registry.js';
import { buildPlan, trialSourceOf } from './plan.js';

function item(id: string, domain: Item['domain'], calibrated: number): Item {
  const input: Record<string, string> = domain === 'addition' ? { a: '12', b: id.length.toString() } : { letters: 'tsilen', letters_upper: 'TSILEN', letters_spaced: 't s i l e n', count: '6' };
  return { id, domain, input, gold: {}, difficulty: { values: {}, chosen: 'x', calibrated, bin: 0 }, source: {} };
}

const templates = { addition: getDomain('addition').templates, anagram: getDomain('anagram').templates };
const chat = { key: 'chat', samples: 1, adapter: { mode: 'chat' as const } };
const raw = { key: 'raw', samples: 2, adapter: { mode: 'completion' as const } };
const items = [item('addition-a', 'addition', 10), item('anagram-b', 'anagram', 50), item('addition-c', 'addition', 90), item('anagram-d', 'anagram', 20)];

describe('buildPlan', () => {
  it('is items × templates × models × samples, in a fixed order, rendered in each model’s mode', () => {
    const plan = buildPlan({ items, templates, models: [chat, raw] });
    expect(plan.total).toBe(4 * 15 * 1 + 4 * 15 * 2);
    expect(plan.perModel).toEqual({ chat: 60, raw: 120 });
    const all = [...plan];
    expect(all).toHaveLength(plan.total);
    expect(all[0]).toMatchObject({ modelKey: 'chat', item: { id: 'addition-a' }, template: { id: 'addition-01' }, sample: 0, mode: 'chat' });
    expect(all[0]!.prompt).toBe(renderPrompt(templates.addition[0]!, items[0]!.input, 'chat'));
    const rawTrials = [...plan.trialsFor('raw')];
    expect(rawTrials.slice(0, 3).map((t) => [t.template.id, t.sample])).toEqual([['addition-01', 0], ['addition-01', 1], ['addition-02', 0]]);
    expect(rawTrials[0]!.prompt.endsWith('\n\nAnswer:')).toBe(true);
    expect([...plan].map((t) => `${t.modelKey}/${t.item.id}/${t.template.id}/${t.sample}`)).toEqual(all.map((t) => `${t.modelKey}/${t.item.id}/${t.template.id}/${t.sample}`));
    expect(new Set(all.map((t) => `${t.modelKey}/${t.item.id}/${t.template.id}/${t.sample}`)).size).toBe(plan.total);
  });

  it('filters by domain, template ids, calibrated difficulty (inclusive) and a per-domain limit in item order', () => {
    expect(buildPlan({ items, templates, models: [chat], filter: { domains: ['anagram'] } }).items.map((i) => i.id)).toEqual(['anagram-b', 'anagram-d']);
    expect(buildPlan({ items, templates, models: [chat], filter: { difficulty: { min: 20, max: 90 } } }).items.map((i) => i.id)).toEqual(['anagram-b', 'addition-c', 'anagram-d']);
    expect(buildPlan({ items, templates, models: [chat], filter: { limitPerDomain: 1 } }).items.map((i) => i.id)).toEqual(['addition-a', 'anagram-b']);
    const some = buildPlan({ items, templates, models: [chat], filter: { templateIds: ['addition-03', 'anagram-15'] } });
    expect(some.total).toBe(4);
    expect([...some].map((t) => t.template.id)).toEqual(['addition-03', 'anagram-15', 'addition-03', 'anagram-15']);
    const limitAfterDifficulty = buildPlan({ items, templates, models: [chat], filter: { difficulty: { min: 50, max: 100 }, limitPerDomain: 1 } });
    expect(limitAfterDifficulty.items.map((i) => i.id)).toEqual(['anagram-b', 'addition-c']);
  });

  it('skips stored trials before rendering them', () => {
    const plan = buildPlan({ items: items.slice(0, 1), templates, models: [raw] });
    const left = [...plan.trialsFor('raw', (itemId, templateId, sample) => templateId !== 'addition-15' || sample === 1)];
    expect(left.map((t) => [t.template.id, t.sample])).toEqual([['addition-15', 0]]);
  });

  it('generates lazily: a 2.4M-trial plan costs only what is pulled', () => {
    const many = Array.from({ length: 80_000 }, (_, i) => item(`addition-${i}`, 'addition', i % 100));
    const plan = buildPlan({ items: many, templates, models: [chat, { ...raw, samples: 1 }] });
    expect(plan.total).toBe(2_400_000);
    const it = plan.trialsFor('raw')[Symbol.iterator]();
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) it.next();
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('explains bad filters and model lists', () => {
    expect(() => buildPlan({ items, templates, models: [chat], filter: { templateIds: ['addition-1'] } })).toThrow(/unknown template id "addition-1"/);
    expect(() => buildPlan({ items, templates, models: [chat], filter: { limitPerDomain: 0 } })).toThrow(/limit per domain/);
    expect(() => buildPlan({ items, templates, models: [chat], filter: { difficulty: { min: 60, max: 40 } } })).toThrow(/min ≤ max/);
    expect(() => buildPlan({ items, templates, models: [chat, chat] })).toThrow(/used twice/);
    expect(() => buildPlan({ items, templates, models: [{ ...chat, samples: 0 }] })).toThrow(/samples/);
    expect(() => buildPlan({ items, templates, models: [chat] }).trialsFor('nobody')).toThrow(/not in this plan/);
  });

  it('trialSourceOf groups ready trials by model and honours skip', () => {
    const plan = buildPlan({ items: items.slice(0, 1), templates, models: [chat, raw] });
    const source = trialSourceOf(plan);
    expect(source.total).toBe(plan.total);
    expect([...source.trialsFor('raw')]).toEqual([...plan.trialsFor('raw')]);
    expect([...source.trialsFor('chat', (_i, t) => t !== 'addition-02')].map((t) => t.template.id)).toEqual(['addition-02']);
    expect([...source.trialsFor('nobody')]).toEqual([]);
  });
});
