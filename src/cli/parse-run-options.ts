import { ReliabenchError } from '../core/errors.js';

/** A number within [min, max] from a flag; anything else is a one-line error naming the flag. */
export function parseNumberInRange(text: string, flag: string, min: number, max: number): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new ReliabenchError('BAD_ARGUMENT', `${flag} must be a number from ${min} to ${max}, got "${text}"`, { input: text });
  }
  return value;
}

/** "20-60" → { min: 20, max: 60 } on the 0–100 calibrated difficulty axis. */
export function parseDifficultyRange(text: string): { min: number; max: number } {
  const m = /^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  const min = m ? Number(m[1]) : NaN;
  const max = m ? Number(m[2]) : NaN;
  if (!m || min > max || max > 100) {
    throw new ReliabenchError('BAD_ARGUMENT', `--difficulty must be a range MIN-MAX within 0-100, e.g. 0-40, got "${text}"`, { input: text });
  }
  return { min, max };
}

/** --queue and --rate-limit (docs/queue.md); --rate-limit alone is an error, since only queued runs have one. */
export function parseQueueFlags(flags: { queue?: string; rateLimit?: string }): { url: string; rateLimit?: number } | undefined {
  if (flags.queue === undefined) {
    if (flags.rateLimit !== undefined) {
      throw new ReliabenchError('BAD_ARGUMENT', '--rate-limit applies to runs on a queue: add --queue redis://HOST:PORT (a local run adapts its concurrency to the provider instead)', { input: flags.rateLimit });
    }
    return undefined;
  }
  return { url: flags.queue, ...(flags.rateLimit === undefined ? {} : { rateLimit: parseNumberInRange(flags.rateLimit, '--rate-limit', 0.01, 1_000_000) }) };
}
