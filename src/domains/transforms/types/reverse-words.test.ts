import { describe, it } from 'vitest';
import { reverseWords } from './reverse-words.js';
import { assertRederives, linesOf } from '../test-support/property.js';

/** Independent: a regex collects the words and reduceRight rebuilds each line back to front. */
const rederive = (_instruction: string, data: string): string =>
  linesOf(data)
    .map((l) => (l.match(/\S+/g) ?? []).reduceRight((acc: string[], w) => [...acc, w], []).join(' '))
    .join('\n');

describe('reverse-words', () => {
  it('gold equals an independent re-derivation', () => assertRederives(reverseWords, rederive));
});
