import { describe, expect, it } from 'vitest';
import { sortAlpha } from './sort-alpha.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: Array#sort with Intl collation at base sensitivity (case-insensitive). */
const collator = new Intl.Collator('en', { sensitivity: 'base' });
function rederive(instruction: string, data: string): string {
  const sorted = linesOf(data).sort(collator.compare);
  if (instruction.includes('from Z to A')) sorted.reverse();
  else expect(instruction).toContain('from A to Z');
  return sorted.join('\n');
}

describe('sort-alpha', () => {
  it('gold equals an independent re-derivation', () => assertRederives(sortAlpha, rederive));
  it('mixes letter case so that the case rule matters', () => {
    const lines = sampleInstances(sortAlpha, 50).flatMap((i) => linesOf(i.data));
    expect(lines.some((l) => /^[A-Z]+$/.test(l) && l.length > 1)).toBe(true);
    expect(lines.some((l) => /^[A-Z][a-z]+$/.test(l))).toBe(true);
  });
});
