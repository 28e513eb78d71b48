import { describe, expect, it } from 'vitest';
import { nameOrder } from './name-order.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: split each line at its comma and swap the two halves. */
function rederive(_instruction: string, data: string): string {
  return linesOf(data)
    .map((line) => {
      const parts = line.split(',');
      expect(parts).toHaveLength(2);
      return `${(parts[1] as string).trim()} ${(parts[0] as string).trim()}`;
    })
    .join('\n');
}

describe('name-order', () => {
  it('gold equals an independent re-derivation', () => assertRederives(nameOrder, rederive));
  it('includes names with middle names', () => {
    const lines = sampleInstances(nameOrder, 100).flatMap((i) => linesOf(i.output));
    expect(lines.some((l) => l.split(' ').length === 3)).toBe(true);
  });
});
