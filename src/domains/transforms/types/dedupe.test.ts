import { describe, expect, it } from 'vitest';
import { dedupe } from './dedupe.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: a Set keeps insertion order of first occurrences. */
const rederive = (_instruction: string, data: string): string => [...new Set(linesOf(data))].join('\n');

describe('dedupe', () => {
  it('gold equals an independent re-derivation', () => assertRederives(dedupe, rederive));
  it('most lists actually contain repeats', () => {
    const all = sampleInstances(dedupe, 100);
    expect(all.filter((i) => i.output !== i.data).length).toBeGreaterThan(60);
  });
});
