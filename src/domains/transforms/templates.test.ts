import { describe, expect, it } from 'vitest';
import { placeholdersOf, renderPrompt, TEMPLATE_TAG_GROUPS } from '../../core/template.js';
import { transformsDomain } from './index.js';
import { itemsByType } from './test-support/items.js';

const templates = transformsDomain.templates;

describe('transforms templates', () => {
  it('are 15, with ids transforms-01 … transforms-15', () => {
    expect(templates.map((t) => t.id)).toEqual(Array.from({ length: 15 }, (_v, i) => `transforms-${String(i + 1).padStart(2, '0')}`));
    for (const t of templates) {
      expect(t.domain).toBe('transforms');
      expect(t.cue.trim().length).toBeGreaterThan(0);
    }
    expect(new Set(templates.map((t) => t.text)).size).toBe(15);
  });

  it('carry one tag per group, and every tag value is used by at least two templates', () => {
    for (const t of templates) {
      expect(t.tags).toHaveLength(Object.keys(TEMPLATE_TAG_GROUPS).length);
      for (const values of Object.values(TEMPLATE_TAG_GROUPS)) {
        expect(t.tags.filter((tag) => (values as readonly string[]).includes(tag))).toHaveLength(1);
      }
    }
    for (const values of Object.values(TEMPLATE_TAG_GROUPS)) {
      for (const v of values) expect(templates.filter((t) => t.tags.includes(v)).length, v).toBeGreaterThanOrEqual(2);
    }
  });

  it('use {data} once and exactly one of {task} / {task_question}; data order matches the tag', () => {
    for (const t of templates) {
      const ph = placeholdersOf(t.text);
      expect(ph.filter((p) => p === 'data')).toHaveLength(1);
      expect(ph.filter((p) => p === 'task' || p === 'task_question')).toHaveLength(1);
      const dataAt = t.text.indexOf('{data}');
      const taskAt = Math.max(t.text.indexOf('{task}'), t.text.indexOf('{task_question}'));
      expect(dataAt < taskAt).toBe(t.tags.includes('data-first'));
      const hint = /only|just the (result|output|transformed data)|no explanation|no comments/i.test(t.text.replace(/\{[a-z_]+\}/g, ''));
      expect(hint).toBe(t.tags.includes('format-hint'));
    }
  });

  it('render for real items of every type in both modes with no leftover placeholders', () => {
    for (const items of itemsByType(3, 'templates').values()) {
      for (const item of items) {
        for (const t of templates) {
          for (const mode of ['chat', 'completion'] as const) {
            const prompt = renderPrompt(t, item.input, mode);
            const outsideData = prompt.replace(item.input.data as string, '');
            expect(outsideData).not.toMatch(/[{}]/);
            expect(prompt).toContain(item.input.data as string);
            if (mode === 'completion') expect(prompt.endsWith(`\n\n${t.cue}`)).toBe(true);
            if (t.text.includes('{task_question}')) expect(prompt).toMatch(new RegExp(`${(item.input.task_question as string).slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
          }
        }
      }
    }
  });
});
