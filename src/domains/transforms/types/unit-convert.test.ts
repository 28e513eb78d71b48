import { describe, expect, it } from 'vitest';
import { unitConvert } from './unit-convert.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/**
 * Independent: reads the stated rule and rounding from the instruction, converts in floating point
 * and rounds with Math.round on the magnitude (a 1e-6 nudge absorbs binary error at exact halves;
 * exact rational results are never that close to a half without being one).
 */
function rederive(instruction: string, data: string): string {
  const decimals = /rounding to a whole number/.test(instruction) ? 0 : Number(/rounding to (\d) decimal/.exec(instruction)?.[1]);
  let f: (x: number) => number;
  const factor = /using 1 [a-z]+ = ([\d.]+) /.exec(instruction);
  if (factor) f = (x) => x * Number(factor[1]);
  else if (instruction.includes('°F = °C × 9/5 + 32')) f = (x) => (x * 9) / 5 + 32;
  else if (instruction.includes('°C = (°F − 32) × 5/9')) f = (x) => ((x - 32) * 5) / 9;
  else throw new Error(`no rule in: ${instruction}`);
  return linesOf(data)
    .map((line) => {
      const y = f(Number.parseFloat(line));
      const mag = Math.round(Math.abs(y) * 10 ** decimals + 1e-6) / 10 ** decimals;
      expect(mag === 0 && y < 0).toBe(false);
      return (y < 0 ? '-' : '') + mag.toFixed(decimals);
    })
    .join('\n');
}

describe('unit-convert', () => {
  it('gold equals an independent re-derivation', () => assertRederives(unitConvert, rederive, 400));
  it('uses every conversion and precision', () => {
    const all = sampleInstances(unitConvert, 300);
    for (const unit of ['mi', 'km', 'kg', 'lb', 'in', 'L', '°C', '°F']) {
      expect(all.some((i) => linesOf(i.data).some((l) => l.endsWith(` ${unit}`)))).toBe(true);
    }
    expect(all.some((i) => i.instruction.includes('a whole number'))).toBe(true);
    expect(all.some((i) => i.instruction.includes('2 decimal places'))).toBe(true);
  });
});
