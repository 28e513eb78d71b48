import { describe, expect, it } from 'vitest';
import { numberFormat } from './number-format.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: Intl.NumberFormat on the decimal string (exact decimal rounding, halfExpand). */
function rederive(instruction: string, data: string): string {
  const decimals = instruction.includes('to a whole number') ? 0 : Number(/rounded to (\d) decimal/.exec(instruction)?.[1]);
  const locale = instruction.includes('a comma as the thousands separator') ? 'en-US' : 'de-DE';
  const f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, roundingMode: 'halfExpand' } as Intl.NumberFormatOptions);
  return linesOf(data).map((l) => f.format(l as unknown as number)).join('\n');
}

describe('number-format', () => {
  it('gold equals an independent re-derivation', () => assertRederives(numberFormat, rederive));
  it('includes exact halves, which must round up', () => {
    const all = sampleInstances(numberFormat, 400);
    const halves = all.filter((i) => /rounded to 2 decimal/.test(i.instruction)).flatMap((i) => linesOf(i.data)).filter((l) => /\.\d\d5$/.test(l));
    expect(halves.length).toBeGreaterThan(0);
  });
});
