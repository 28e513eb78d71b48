import { describe, expect, it } from 'vitest';
import { currencyFormat } from './currency-format.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: Intl.NumberFormat in currency style (en-US places the minus before the sign). */
function rederive(instruction: string, data: string): string {
  const code = instruction.includes('as US dollars') ? 'USD' : instruction.includes('as euros') ? 'EUR' : 'GBP';
  const f = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
  return linesOf(data).map((l) => f.format(l as unknown as number)).join('\n');
}

describe('currency-format', () => {
  it('gold equals an independent re-derivation', () => assertRederives(currencyFormat, rederive));
  it('has negative amounts and amounts in the millions', () => {
    const lines = sampleInstances(currencyFormat, 100).flatMap((i) => linesOf(i.output));
    expect(lines.some((l) => l.startsWith('-'))).toBe(true);
    expect(lines.some((l) => /\d,\d{3},\d{3}\./.test(l))).toBe(true);
  });
});
