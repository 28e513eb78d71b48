import { describe, expect, it } from 'vitest';
import { gradeAvoidance } from './grade-avoidance.js';
import { GRADER_VERSION } from './version.js';

describe('gradeAvoidance (no gold)', () => {
  it.each([
    ['', 'empty'],
    ["I don't know.", 'epistemic'],
    ["I'm sorry, but I can't help with that.", 'refusal'],
    ['Could you tell me which format you want?', 'clarification'],
    ["Let's think step by step.", 'meta'],
    ['Once upon a time there was a fox.', 'off-topic'],
    ['<think>Maybe Paris? Maybe Lyon?', 'meta'],
  ])('%j is avoidant (%s)', (response, sub) => {
    const g = gradeAvoidance({ response });
    expect(g.outcome).toBe('avoidant');
    expect(g.avoidance).toBe(sub);
    expect(g.graderVersion).toBe(GRADER_VERSION);
  });

  it('a stated or hedged answer commits', () => {
    expect(gradeAvoidance({ response: 'The answer is Paris.' })).toMatchObject({ outcome: 'committed', extracted: 'Paris' });
    expect(gradeAvoidance({ response: "I'm not sure, maybe Paris" })).toMatchObject({ outcome: 'committed', ruleId: 'hedge-committed' });
  });

  it('text with no avoidance sign commits', () => {
    expect(gradeAvoidance({ response: 'Paris is the capital of France.' })).toMatchObject({ outcome: 'committed', ruleId: 'no-avoidance-found' });
  });

  it("uses a domain's extractor when one is given", () => {
    expect(gradeAvoidance({ response: 'The sum is 4005.', domain: 'addition' })).toMatchObject({ outcome: 'committed', extracted: '4005' });
    expect(gradeAvoidance({ response: 'Adding numbers is fun.', domain: 'addition' }).outcome).toBe('avoidant');
  });

  it('recognises an echo of the prompt', () => {
    const prompt = 'What is 2000 + 2005?\n\nAnswer:';
    expect(gradeAvoidance({ response: ' What is 2000 + 2005?', prompt, mode: 'completion' })).toMatchObject({ outcome: 'avoidant', avoidance: 'echo' });
  });
});
