import { beforeAll, describe, expect, it } from 'vitest';
import { renderPrompt, placeholdersOf, TEMPLATE_TAG_GROUPS } from '../../core/template.js';
import { Rng } from '../../core/rng.js';
import type { ItemDraft } from '../../core/item.js';
import { scienceTemplates } from './templates.js';
import { scienceDomain, type ScienceGold } from './index.js';
import { realScienceDataPath } from './test-support/science-data.js';

let drafts: ItemDraft<ScienceGold>[];
beforeAll(async () => {
  const all = await scienceDomain.generate(Rng.fromSeed('templates', 'science'), { count: 300, scienceDataPath: realScienceDataPath() });
  // dataset text may itself hold braces; leave those out so a leftover placeholder cannot hide
  drafts = all.filter((d) => !/[{}]/.test(Object.values(d.input).join(''))).slice(0, 40);
});

describe('science templates', () => {
  it('are 15, numbered science-01..science-15, with distinct texts', () => {
    expect(scienceTemplates.map((t) => t.id)).toEqual(Array.from({ length: 15 }, (_, i) => `science-${String(i + 1).padStart(2, '0')}`));
    expect(new Set(scienceTemplates.map((t) => t.text)).size).toBe(15);
    expect(scienceTemplates.every((t) => t.domain === 'science' && t.cue.trim().length > 0)).toBe(true);
  });

  it('carry one tag from each group, and every tag value is used by at least 2 templates', () => {
    for (const t of scienceTemplates) {
      expect(t.tags).toHaveLength(4);
      for (const [group, values] of Object.entries(TEMPLATE_TAG_GROUPS)) {
        expect(t.tags.filter((tag) => (values as readonly string[]).includes(tag)), `${t.id} ${group}`).toHaveLength(1);
      }
    }
    for (const values of Object.values(TEMPLATE_TAG_GROUPS)) {
      for (const value of values) expect(scienceTemplates.filter((t) => t.tags.includes(value)).length, value).toBeGreaterThanOrEqual(2);
    }
  });

  it('use only placeholders items provide, always including the question and its options', () => {
    for (const t of scienceTemplates) {
      const names = placeholdersOf(t.text);
      expect(names).toContain('question');
      expect(names.some((n) => n === 'options' || n === 'options_inline')).toBe(true);
      for (const n of names) expect(['question', 'options', 'options_inline']).toContain(n);
    }
  });

  it('render for real items in both modes with no leftover braces', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(20);
    for (const d of drafts) {
      for (const t of scienceTemplates) {
        const chat = renderPrompt(t, d.input, 'chat');
        const completion = renderPrompt(t, d.input, 'completion');
        expect(chat).not.toMatch(/[{}]/);
        expect(chat).toContain(d.input['question']);
        expect(chat).toContain(d.gold.answerText);
        expect(completion.endsWith(`\n\n${t.cue}`)).toBe(true);
      }
    }
  });
});
