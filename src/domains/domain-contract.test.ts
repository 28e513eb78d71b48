import { describe, expect, it } from 'vitest';
import { allDomains } from './registry.js';
import { Rng } from '../core/rng.js';
import { placeholdersOf, renderPrompt, TEMPLATE_TAG_GROUPS } from '../core/template.js';
import { finalizeItem } from '../generate/finalize-item.js';
import { scienceDataPath } from '../test-support/paths.js';
import type { Item } from '../core/item.js';

/** The Domain seam's contract, checked the same way for every registered domain. */
describe.each(allDomains().map((d) => [d.name, d] as const))('%s domain contract', (name, domain) => {
  let cached: Item[] | undefined;
  async function items(): Promise<Item[]> {
    cached ??= (await domain.generate(Rng.fromSeed(7, name), { count: 1000, scienceDataPath: scienceDataPath() }))
      .map((d) => finalizeItem(domain, d));
    return cached;
  }

  it('has 15 templates with unique ids and one tag from every group, each tag used at least twice', () => {
    expect(domain.templates).toHaveLength(15);
    const ids = domain.templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(15);
    for (const t of domain.templates) {
      expect(t.id).toMatch(new RegExp(`^${name}-\\d{2}$`));
      expect(t.domain).toBe(name);
      expect(t.cue.trim().length).toBeGreaterThan(0);
      for (const [group, values] of Object.entries(TEMPLATE_TAG_GROUPS)) {
        const inGroup = t.tags.filter((tag) => (values as readonly string[]).includes(tag));
        expect(inGroup, `${t.id} needs exactly one ${group} tag`).toHaveLength(1);
      }
    }
    for (const values of Object.values(TEMPLATE_TAG_GROUPS)) {
      for (const value of values) {
        expect(domain.templates.filter((t) => t.tags.includes(value)).length, `tag ${value}`).toBeGreaterThanOrEqual(2);
      }
    }
    expect(new Set(domain.templates.map((t) => t.text)).size).toBe(15);
  });

  it('renders every template for every item, in chat and completion mode, with nothing left unfilled', async () => {
    for (const item of (await items()).slice(0, 200)) {
      for (const t of domain.templates) {
        for (const name of [...placeholdersOf(t.text), ...placeholdersOf(t.cue)]) expect(item.input).toHaveProperty(name);
        const chat = renderPrompt(t, item.input, 'chat');
        const completion = renderPrompt(t, item.input, 'completion');
        expect(completion.startsWith(chat)).toBe(true);
        expect(completion.length).toBeGreaterThan(chat.length);
      }
    }
  });

  it('computes every candidate difficulty function for every item and flags the chosen one', async () => {
    const names = domain.difficultyFunctions.map((f) => f.name);
    expect(names).toContain(domain.chosenDifficulty);
    for (const item of await items()) {
      for (const n of names) expect(Number.isFinite(item.difficulty.values[n]), `${item.id} ${n}`).toBe(true);
      expect(item.difficulty.chosen).toBe(domain.chosenDifficulty);
      expect(item.difficulty.calibrated).toBeGreaterThanOrEqual(0);
      expect(item.difficulty.calibrated).toBeLessThanOrEqual(100);
    }
  });

  it('calibrates monotonically: a harder chosen value never gets a lower calibrated value', async () => {
    const points = (await items()).map((i) => [i.difficulty.values[domain.chosenDifficulty] as number, i.difficulty.calibrated] as const);
    points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let maxBelow = -Infinity;
    let i = 0;
    while (i < points.length) {
      let j = i;
      let minHere = Infinity;
      let maxHere = -Infinity;
      while (j < points.length && points[j]![0] === points[i]![0]) {
        minHere = Math.min(minHere, points[j]![1]);
        maxHere = Math.max(maxHere, points[j]![1]);
        j++;
      }
      expect(minHere).toBeGreaterThanOrEqual(maxBelow);
      maxBelow = Math.max(maxBelow, maxHere);
      i = j;
    }
  });

  it('covers at least 20 of the 30 calibrated bins with 1,000 items', async () => {
    const bins = new Set((await items()).map((i) => i.difficulty.bin));
    expect(bins.size).toBeGreaterThanOrEqual(20);
  });

  it('gives distinct items, identical for the same seed', async () => {
    const first = await items();
    expect(new Set(first.map((i) => i.id)).size).toBe(first.length);
    const again = (await domain.generate(Rng.fromSeed(7, name), { count: 50, scienceDataPath: scienceDataPath() })).map((d) => finalizeItem(domain, d));
    const other = (await domain.generate(Rng.fromSeed(8, name), { count: 50, scienceDataPath: scienceDataPath() })).map((d) => finalizeItem(domain, d));
    expect(again.map((i) => i.id)).toEqual((await domain.generate(Rng.fromSeed(7, name), { count: 50, scienceDataPath: scienceDataPath() })).map((d) => finalizeItem(domain, d).id));
    expect(other.map((i) => i.id)).not.toEqual(again.map((i) => i.id));
  });
});
