import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { renderPrompt, TEMPLATE_TAG_GROUPS } from '../../core/template.js';
import { generateLocalityItems } from './generate.js';
import { DEFAULT_LOCALITY_SETTINGS } from './settings.js';
import { LOCALITY_TEMPLATES } from './templates.js';
import { worldFor } from './world.js';

describe('locality templates', () => {
  it('are 15, locality-01 … locality-15, one tag per group, every tag used at least twice', () => {
    expect(LOCALITY_TEMPLATES.map((t) => t.id)).toEqual(Array.from({ length: 15 }, (_, i) => `locality-${String(i + 1).padStart(2, '0')}`));
    for (const t of LOCALITY_TEMPLATES) {
      expect(t.tags).toHaveLength(4);
      for (const values of Object.values(TEMPLATE_TAG_GROUPS)) {
        expect(t.tags.filter((tag) => (values as readonly string[]).includes(tag))).toHaveLength(1);
      }
    }
    for (const value of Object.values(TEMPLATE_TAG_GROUPS).flat()) {
      expect(LOCALITY_TEMPLATES.filter((t) => t.tags.includes(value)).length, value).toBeGreaterThanOrEqual(2);
    }
  });

  it('render for real items with no leftover braces, naming the city, country, radius and floor', () => {
    const items = generateLocalityItems(Rng.fromSeed('templates', 'locality'), 50, worldFor(DEFAULT_LOCALITY_SETTINGS.floor), DEFAULT_LOCALITY_SETTINGS);
    for (const item of items) {
      for (const t of LOCALITY_TEMPLATES) {
        const chat = renderPrompt(t, item.input, 'chat');
        expect(chat, t.id).not.toMatch(/[{}]/);
        for (const key of ['city', 'country', 'radius', 'floor'] as const) expect(chat, `${t.id} ${key}`).toContain(item.input[key]);
        expect(renderPrompt(t, item.input, 'completion')).toBe(`${chat}\n\n${t.cue}`);
      }
    }
  });
});
