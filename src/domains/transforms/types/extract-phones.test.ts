import { describe, expect, it } from 'vitest';
import { extractPhones } from './extract-phones.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: one permissive phone-number regular expression over the whole text. */
const PHONE = /(?:\+1 )?\(?\b([2-9]\d{2})\)?[ .-]([2-9]\d{2})[ .-](\d{4})\b/g;
const rederive = (_instruction: string, data: string): string =>
  [...data.matchAll(PHONE)].map((m) => `${m[1]}-${m[2]}-${m[3]}`).join('\n');

describe('extract-phones', () => {
  it('gold equals an independent re-derivation', () => assertRederives(extractPhones, rederive));
  it('mixes written formats and distractor numbers', () => {
    const text = sampleInstances(extractPhones, 100).map((i) => i.data).join('\n');
    expect(text).toMatch(/\(\d{3}\) \d{3}-\d{4}/);
    expect(text).toMatch(/\+1 \d{3} \d{3} \d{4}/);
    expect(text).toMatch(/\d{3}\.\d{3}\.\d{4}/);
    expect(text).toMatch(/order #\d{6}/);
    expect(linesOf(text).some((l) => l.includes('no phone'))).toBe(true);
  });
});
