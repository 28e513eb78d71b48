import { describe, expect, it } from 'vitest';
import { stripThinkBlocks } from './think-blocks.js';

describe('stripThinkBlocks', () => {
  it('drops closed think blocks of every tag name', () => {
    for (const tag of ['think', 'thinking', 'reasoning', 'thought']) {
      const r = stripThinkBlocks(`<${tag}>maybe 4015? no</${tag}>\nThe answer is 4005.`);
      expect(r.text.trim()).toBe('The answer is 4005.');
      expect(r.removed).toBe(true);
      expect(r.unfinished).toBe(false);
    }
  });
  it('treats everything before an orphan closing tag as thinking (servers that drop the opening tag)', () => {
    expect(stripThinkBlocks('so 4015 then 4005\n</think>\n\n4005').text.trim()).toBe('4005');
  });
  it('flags a block that never closes and keeps only what came before it', () => {
    const r = stripThinkBlocks('<think>Adding column by column: 5 + 0 = 5, carry');
    expect(r.unfinished).toBe(true);
    expect(r.text.trim()).toBe('');
  });
  it('handles the begin/end_of_thought markers and solution wrappers', () => {
    const r = stripThinkBlocks('<|begin_of_thought|>4015<|end_of_thought|><|begin_of_solution|>4005<|end_of_solution|>');
    expect(r.text.trim()).toBe('4005');
  });
  it('leaves text without tags alone', () => {
    expect(stripThinkBlocks("4005")).toEqual({ text: "4005", unfinished: false, removed: false, thoughtWords: false });
  });
});
