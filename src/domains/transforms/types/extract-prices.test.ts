import { describe, expect, it } from 'vitest';
import { extractPrices } from './extract-prices.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: a regex finds the one amount next to "$" or "USD" per line; Number#toFixed prints it. */
const PRICE = /\$([\d,]+(?:\.\d\d)?)|USD ([\d,]+(?:\.\d\d)?)|([\d,]+(?:\.\d\d)?) USD/g;
function rederive(_instruction: string, data: string): string {
  return linesOf(data)
    .map((line) => {
      const matches = [...line.matchAll(PRICE)];
      expect(matches).toHaveLength(1);
      const m = matches[0] as RegExpMatchArray;
      return Number((m[1] ?? m[2] ?? m[3] ?? '').replace(/,/g, '')).toFixed(2);
    })
    .join('\n');
}

describe('extract-prices', () => {
  it('gold equals an independent re-derivation', () => assertRederives(extractPrices, rederive));
  it('writes prices in several forms, including thousands separators', () => {
    const text = sampleInstances(extractPrices, 100).map((i) => i.data).join('\n');
    expect(text).toMatch(/\$\d{1,3},\d{3}/);
    expect(text).toMatch(/USD \d/);
    expect(text).toMatch(/\d USD/);
    expect(text).toMatch(/\$\d+ /);
  });
});
