import { beforeAll, describe, expect, it } from 'vitest';
import { ANAGRAM_TEMPLATES } from './templates.js';
import { anagramDomain } from './index.js';
import { placeholdersOf, renderPrompt, TEMPLATE_TAG_GROUPS } from '../../core/template.js';
import { Rng } from '../../core/rng.js';
import type { ItemDraft } from '../../core/item.js';
import type { AnagramGold } from './generate.js';

let drafts: ItemDraft<AnagramGold>[];
beforeAll(async () => {
  drafts = await anagramDomain.generate(Rng.fromSeed(8, 'anagram'), { count: 40 });
});

describe('anagram templates', () => {
  it('has 15 templates anagram-01 … anagram-15 with distinct texts and a cue each', () => {
    expect(anagramDomain.templates).toBe(ANAGRAM_TEMPLATES);
    expect(ANAGRAM_TEMPLATES.map((t) => t.id)).toEqual(Array.from({ length: 15 }, (_, i) => `anagram-${String(i + 1).padStart(2, '0')}`));
    expect(new Set(ANAGRAM_TEMPLATES.map((t) => t.text)).size).toBe(15);
    for (const t of ANAGRAM_TEMPLATES) {
      expect(t.domain).toBe('anagram');
      expect(t.cue.trim().length).toBeGreaterThan(0);
    }
  });

  it('tags each template once per group and uses every tag value at least twice', () => {
    for (const t of ANAGRAM_TEMPLATES) {
      expect(t.tags).toHaveLength(Object.keys(TEMPLATE_TAG_GROUPS).length);
      for (const values of Object.values(TEMPLATE_TAG_GROUPS)) {
        expect(t.tags.filter((tag) => (values as readonly string[]).includes(tag)), t.id).toHaveLength(1);
      }
    }
    for (const value of Object.values(TEMPLATE_TAG_GROUPS).flat()) {
      expect(ANAGRAM_TEMPLATES.filter((t) => t.tags.includes(value)).length, value).toBeGreaterThanOrEqual(2);
    }
  });

  it('shows the letters in every template, and format-hint templates ask for the word only', () => {
    for (const t of ANAGRAM_TEMPLATES) {
      expect(placeholdersOf(t.text).some((p) => p.startsWith('letters')), t.id).toBe(true);
      if (t.tags.includes('format-hint')) expect(t.text, t.id).toMatch(/only|just (tell me )?the word|word alone|one word/i);
    }
  });

  it('renders for real items in chat and completion mode with no placeholder left', () => {
    for (const d of drafts) {
      for (const t of ANAGRAM_TEMPLATES) {
        const chat = renderPrompt(t, d.input, 'chat');
        expect(chat).not.toMatch(/[{}]/);
        for (const p of placeholdersOf(t.text)) expect(chat).toContain(d.input[p]);
        expect(renderPrompt(t, d.input, 'completion')).toBe(`${chat}\n\n${t.cue}`);
      }
    }
  });
});
