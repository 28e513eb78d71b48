import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../core/item.js';
import { REPO_ROOT } from '../../test-support/paths.js';
import { grade } from '../grade.js';
import { gradeAvoidance } from '../grade-avoidance.js';
import { additionItem, promptFor } from '../test-support/items.js';
import { GRADER_VERSION } from '../version.js';
import { RULES, type RuleInfo } from './rule-table.js';

const addition = additionItem('2000', '2005');
const science: Item = {
  ...addition,
  id: 'science-test',
  domain: 'science',
  input: { question: 'Which organism makes its own food?', options: 'A. deer\nB. grass\nC. fungus\nD. hawk', options_inline: '(A) deer (B) grass (C) fungus (D) hawk' },
  gold: { answer: 'B', answerText: 'grass', options: ['deer', 'grass', 'fungus', 'hawk'] },
};

describe('the rule table', () => {
  it.each(RULES.map((r) => [r.id, r] as [string, RuleInfo]))('the example of %s fires it', (id, rule) => {
    if (rule.outcome === 'committed') {
      const g = gradeAvoidance({ response: rule.example });
      expect(g).toMatchObject({ outcome: 'committed', ruleId: id });
      return;
    }
    const item = rule.science ? science : addition;
    const mode = rule.completion ? 'completion' : 'chat';
    const g = grade({ item, response: rule.example, prompt: promptFor(item, 1, mode), mode });
    expect(g.ruleId).toBe(id);
    if (rule.outcome === 'graded') expect(g.outcome).not.toBe('avoidant');
    else expect(g.outcome).toBe(rule.outcome);
    if (rule.avoidance !== undefined) expect(g.avoidance).toBe(rule.avoidance);
    expect(g.graderVersion).toBe(GRADER_VERSION);
    expect(g.rationale).not.toMatch(/\n/);
    expect(g.rationale).toContain(`[${id}]`);
  });

  it('documents every rule in docs/grading.md with its example', () => {
    const doc = readFileSync(resolve(REPO_ROOT, 'docs/grading.md'), 'utf8');
    for (const r of RULES) expect(doc, r.id).toContain(`\`${r.id}\``);
  });

  it('has unique ids', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});
