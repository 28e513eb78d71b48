import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { finalizeItem } from '../../generate/finalize-item.js';
import { createLocalityDomain, localityDomain } from './index.js';

describe('localityDomain', () => {
  it('implements the Domain seam with f_pop chosen and 15 templates', () => {
    expect(localityDomain.name).toBe('locality');
    expect(localityDomain.chosenDifficulty).toBe('f_pop');
    expect(localityDomain.difficultyFunctions.map((f) => f.name)).toContain('f_pop');
    expect(localityDomain.templates).toHaveLength(15);
  });

  it('generates finalizable items, reports loading, and grades its own gold as correct', async () => {
    const events: string[] = [];
    const drafts = await localityDomain.generate(Rng.fromSeed(1, 'locality'), { count: 20, onProgress: (e) => events.push(`${e.done}/${e.total}`) });
    expect(events).toEqual(['0/1', '1/1']);
    for (const draft of drafts) {
      const item = finalizeItem(localityDomain, draft);
      const first = item.gold.places[0];
      expect(localityDomain.check(item, first?.name ?? '')).toBe(true);
      expect(localityDomain.check(item, first?.asciiName ?? first?.name ?? '')).toBe(true);
      expect(localityDomain.check(item, item.gold.anchor.name)).toBe(false);
    }
  });

  it('takes other documented settings: a 5,000 floor is stated in the prompt and applied to the gold', async () => {
    const domain = createLocalityDomain({ floor: 5000, radiiKm: [25, 50] });
    const drafts = await domain.generate(Rng.fromSeed(2, 'locality'), { count: 40 });
    for (const d of drafts) {
      expect(d.input.floor).toBe('5,000');
      expect(['25', '50']).toContain(d.input.radius);
      expect(d.gold.anchor.population).toBeGreaterThanOrEqual(5000);
      for (const p of d.gold.places) expect(p.population).toBeGreaterThanOrEqual(5000);
    }
  });
});
