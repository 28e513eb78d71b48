/**
 * Every grade is well formed, on a broad synthetic mix of raw, chat and reasoning responses for
 * every domain (the same mix the throughput benchmark uses).
 */
import { describe, expect, it } from 'vitest';
import { DOMAIN_NAMES } from '../core/item.js';
import { grade } from './grade.js';
import { AVOIDANCE_TYPES } from './grade-types.js';
import { RULES } from './rules/rule-table.js';
import { itemsOf } from './test-support/items.js';
import { syntheticResponses } from './test-support/synthetic-responses.js';
import { GRADER_VERSION } from './version.js';

const ruleIds = new Set<string>(RULES.map((r) => r.id));

describe('grade', () => {
  it.each(DOMAIN_NAMES.map((d) => [d]))('returns a well-formed grade for every synthetic %s response', async (domain) => {
    const items = await itemsOf(domain, 8);
    let graded = 0;
    items.forEach((item, i) => {
      for (const s of syntheticResponses(item, i)) {
        const g = grade({ item, response: s.response, prompt: s.prompt, mode: s.mode });
        expect(ruleIds.has(g.ruleId), g.ruleId).toBe(true);
        expect(g.graderVersion).toBe(GRADER_VERSION);
        expect(g.rationale).not.toMatch(/[\r\n]/);
        expect(g.rationale.length).toBeLessThan(300);
        if (g.outcome === 'avoidant') {
          expect(AVOIDANCE_TYPES).toContain(g.avoidance);
          expect(g.extracted).toBeNull();
        } else {
          expect(g.avoidance).toBeUndefined();
          expect(typeof g.extracted).toBe('string');
        }
        graded++;
      }
    });
    expect(graded).toBe(items.length * 20);
  });

  it('grades the synthetic styles as expected', async () => {
    const [item] = await itemsOf('addition', 1);
    const outcomes = syntheticResponses(item!, 0).map((s) => grade({ item: item!, response: s.response, prompt: s.prompt, mode: s.mode }));
    const label = outcomes.map((g) => (g.outcome === 'avoidant' ? g.avoidance : g.outcome));
    expect(label).toEqual([
      'correct', 'correct', 'correct', 'incorrect', 'correct', 'correct', 'correct', 'incorrect', 'refusal', 'epistemic',
      'clarification', 'meta', 'correct', 'incorrect', 'echo', 'off-topic', 'off-topic', 'correct', 'correct', 'empty',
    ]);
  });

  it('keeps the rationale to one short line with the answer truncated', () => {
    const [a, b] = ['1'.repeat(100), '2'.repeat(100)];
    const item = { id: 'addition-x', domain: 'addition' as const, input: { a, b }, gold: { sum: '3'.repeat(100) }, difficulty: { values: {}, chosen: 'f_cry', calibrated: 0, bin: 0 }, source: {} };
    const g = grade({ item, response: `The answer is\n${'3'.repeat(100)}` });
    expect(g.outcome).toBe('correct');
    expect(g.rationale).toContain('…');
    expect(g.rationale.length).toBeLessThan(160);
  });
});
