import { describe, expect, it } from 'vitest';
import { filterLines } from './filter-lines.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: a word-boundary regex built from the keyword quoted in the instruction. */
function rederive(instruction: string, data: string): string {
  const word = /the word "([a-z]+)"/.exec(instruction)?.[1];
  expect(word).toBeDefined();
  const re = new RegExp(`(^|[^A-Za-z])${word}([^A-Za-z]|$)`);
  return linesOf(data).filter((l) => re.test(l)).join('\n');
}

describe('filter-lines', () => {
  it('gold equals an independent re-derivation', () => assertRederives(filterLines, rederive));
  it('contains trap words that hold the keyword inside a longer word', () => {
    const all = sampleInstances(filterLines, 100);
    const trapped = all.filter((i) => {
      const word = /the word "([a-z]+)"/.exec(i.instruction)?.[1] as string;
      return linesOf(i.data).some((l) => new RegExp(`${word}[a-z]`).test(l));
    });
    expect(trapped.length).toBeGreaterThan(10);
  });
});
