import { describe, expect, it } from 'vitest';
import { grade, getDomain, generateItems, GRADER_VERSION } from './index.js';

describe("the library entry point ('reliabench')", () => {
  it('generates an item and grades answers to it, as a program using the package would', async () => {
    const { items } = await generateItems({ domains: ['addition'], perDomain: 1, seed: 3 });
    const item = items[0]!;
    const sum = (item.gold as { sum: string }).sum;
    expect(getDomain('addition').check(item, sum)).toBe(true);
    const right = grade({ item, response: `The sum is **${sum}**.` });
    expect(right.outcome).toBe('correct');
    expect(right.graderVersion).toBe(GRADER_VERSION);
    expect(grade({ item, response: "I'm sorry, I can't compute numbers that large." }).outcome).toBe('avoidant');
    expect(grade({ item, response: `${sum}1` }).outcome).toBe('incorrect');
  });
});
