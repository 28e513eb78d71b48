import { describe, expect, it } from 'vitest';
import { time24h } from './time-24h.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: V8's Date parser reads "h:mm AM/PM"; Date#toISOString prints the 24-hour time. */
function rederive(_instruction: string, data: string): string {
  return linesOf(data)
    .map((line) => {
      const text = line.replace('a.m.', 'AM').replace('p.m.', 'PM');
      const ms = Date.parse(`Jan 1 2000 ${text} UTC`);
      expect(Number.isNaN(ms)).toBe(false);
      return new Date(ms).toISOString().slice(11, 16);
    })
    .join('\n');
}

describe('time-24h', () => {
  it('gold equals an independent re-derivation', () => assertRederives(time24h, rederive));
  it('covers midnight and noon hours', () => {
    const lines = sampleInstances(time24h, 300).flatMap((i) => linesOf(i.output));
    expect(lines.some((l) => l.startsWith('00:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('12:'))).toBe(true);
  });
});
