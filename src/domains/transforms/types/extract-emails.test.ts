import { describe, expect, it } from 'vitest';
import { extractEmails } from './extract-emails.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: a general email regular expression over the whole text. */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const rederive = (_instruction: string, data: string): string => [...data.matchAll(EMAIL)].map((m) => m[0]).join('\n');

describe('extract-emails', () => {
  it('gold equals an independent re-derivation', () => assertRederives(extractEmails, rederive));
  it('has lines without addresses and lines with two', () => {
    const all = sampleInstances(extractEmails, 100);
    const lines = all.flatMap((i) => linesOf(i.data));
    expect(lines.some((l) => !l.includes('@'))).toBe(true);
    expect(lines.some((l) => l.split('@').length === 3)).toBe(true);
    for (const i of all) expect(new Set(linesOf(i.output)).size).toBe(linesOf(i.output).length);
  });
});
