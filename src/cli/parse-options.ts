import { ReliabenchError } from '../core/errors.js';

/** A whole number ≥ 1 from a command-line string; anything else is a one-line error naming the flag. */
export function parsePositiveInt(text: string, flag: string): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || !Number.isSafeInteger(Number(trimmed))) {
    throw new ReliabenchError('BAD_ARGUMENT', `${flag} must be a positive whole number, got "${text}"`, { input: text });
  }
  return Number(trimmed);
}

/** Seeds are whole numbers (negative allowed); they are hashed, so any value is as good as another. */
export function parseSeed(text: string): string {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) {
    throw new ReliabenchError('BAD_ARGUMENT', `--seed must be a whole number, got "${text}"`, { input: text });
  }
  return BigInt(trimmed).toString();
}
