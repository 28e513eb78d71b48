import { describe, it } from 'vitest';
import { initials } from './initials.js';
import { assertRederives, linesOf } from '../test-support/property.js';

/** Independent: a regular expression finds the letter at the start of every word. */
function rederive(_instruction: string, data: string): string {
  return linesOf(data)
    .map((line) => [...line.matchAll(/\b(\p{L})/gu)].map((m) => `${(m[1] as string).toLocaleUpperCase('en')}.`).join(''))
    .join('\n');
}

describe('initials', () => {
  it('gold equals an independent re-derivation', () => assertRederives(initials, rederive));
});
