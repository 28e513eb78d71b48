import { describe, expect, it } from 'vitest';
import { dateIso } from './date-iso.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: V8's Date parser for month-name dates, Date.UTC for slash dates, toISOString to print. */
function rederive(instruction: string, data: string): string {
  const dayFirst = /slash-separated date as day\/month\/year/.test(instruction);
  expect(dayFirst || /as month\/day\/year/.test(instruction)).toBe(true);
  return linesOf(data)
    .map((line) => {
      const slash = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(line);
      let ms: number;
      if (slash) {
        const [a, b, y] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
        const [d, m] = dayFirst ? [a, b] : [b, a];
        ms = Date.UTC(y, m - 1, d);
        expect(new Date(ms).getUTCDate()).toBe(d); // a real calendar date, not an overflow
      } else {
        ms = Date.parse(`${line} 00:00 UTC`);
      }
      expect(Number.isNaN(ms)).toBe(false);
      return new Date(ms).toISOString().slice(0, 10);
    })
    .join('\n');
}

describe('date-iso', () => {
  it('gold equals an independent re-derivation', () => assertRederives(dateIso, rederive));
  it('uses every written style and both slash conventions', () => {
    const all = sampleInstances(dateIso, 200);
    const lines = all.flatMap((i) => linesOf(i.data));
    expect(lines.some((l) => /^[A-Z][a-z]+ \d+, \d{4}$/.test(l) && !/^[A-Z][a-z]{2} /.test(l))).toBe(true);
    expect(lines.some((l) => /^\d+ [A-Z][a-z]+ \d{4}$/.test(l))).toBe(true);
    expect(lines.some((l) => /^[A-Z][a-z]{2} \d+, \d{4}$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\d{2}\/\d{2}\/\d{4}$/.test(l))).toBe(true);
    expect(all.some((i) => i.instruction.includes('day/month/year'))).toBe(true);
    expect(all.some((i) => i.instruction.includes('month/day/year'))).toBe(true);
  });
});
