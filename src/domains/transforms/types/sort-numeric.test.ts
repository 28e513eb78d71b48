import { describe, expect, it } from 'vitest';
import { sortNumeric } from './sort-numeric.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: parses each number with parseFloat, sorts index pairs, and checks values are distinct. */
function rederive(instruction: string, data: string): string {
  const values = linesOf(data).map((text) => ({ text, value: Number.parseFloat(text) }));
  expect(new Set(values.map((v) => v.value)).size).toBe(values.length);
  const sign = instruction.includes('from largest to smallest') ? -1 : 1;
  return values.sort((a, b) => sign * (a.value > b.value ? 1 : -1)).map((v) => v.text).join('\n');
}

describe('sort-numeric', () => {
  it('gold equals an independent re-derivation', () => assertRederives(sortNumeric, rederive));
  it('writes numbers canonically and mixes signs and decimals', () => {
    const lines = sampleInstances(sortNumeric, 100).flatMap((i) => linesOf(i.data));
    for (const l of lines) expect(String(Number(l))).toBe(l);
    expect(lines.some((l) => l.startsWith('-'))).toBe(true);
    expect(lines.some((l) => l.includes('.'))).toBe(true);
  });
});
