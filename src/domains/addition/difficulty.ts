import type { DifficultyFunction } from '../../core/domain.js';
import { countCarries } from './carries.js';

export const ADDITION_DIFFICULTY_FUNCTIONS: readonly DifficultyFunction[] = [
  { name: 'f_cry', description: 'number of carry operations, a final carry out included (chosen) [paper]' },
  { name: 'digits_max', description: 'digits of the longer addend' },
  { name: 'digits_total', description: 'digits of both addends together' },
  { name: 'digits_sum', description: 'digits of the sum' },
];

export function additionDifficulty(a: string, b: string, sum: string): Record<string, number> {
  return {
    f_cry: countCarries(a, b),
    digits_max: Math.max(a.length, b.length),
    digits_total: a.length + b.length,
    digits_sum: sum.length,
  };
}

/**
 * Default calibration: carries run from 0 to 100 (two 100-digit addends), so the calibrated value
 * is the carry count itself, clamped to 0–100. Linear, monotone, and item-local.
 */
export function calibrateAddition(values: Record<string, number>): number {
  const carries = values['f_cry'] ?? 0;
  return Math.min(100, Math.max(0, carries));
}
