import type { Rng } from '../../core/rng.js';
import { FIRST_NAMES, LAST_NAMES, MIDDLE_NAMES } from './vocab.js';

/**
 * A record count between lo and hi (both included), log-uniform, so short lists are as common as
 * long ones on a log scale and the difficulty components spread over a wide range.
 */
export function recordCount(rng: Rng, lo: number, hi: number): number {
  const u = rng.float();
  const n = Math.floor(Math.exp(Math.log(lo) + u * (Math.log(hi + 1) - Math.log(lo))));
  return Math.min(hi, Math.max(lo, n));
}

/** n distinct entries of pool (all of it, shuffled, when n exceeds its size). */
export function pickDistinct<T>(rng: Rng, pool: readonly T[], n: number): T[] {
  return rng.shuffle(pool).slice(0, Math.min(n, pool.length));
}

/**
 * Draws values until `n` have distinct keys (or `make` has been called 20·n + 100 times, so a small
 * value space cannot loop forever; the list is then shorter). Deterministic for the rng.
 */
export function drawUnique<T>(rng: Rng, n: number, make: (rng: Rng) => T, key: (value: T) => string = String): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (let tries = 0; out.length < n && tries < 20 * n + 100; tries++) {
    const value = make(rng);
    const k = key(value);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(value);
  }
  return out;
}

/** A person's name: one or two given names and a last name, from the embedded lists. */
export interface PersonName {
  given: string[];
  last: string;
}

export function drawPerson(rng: Rng, middleChance: number): PersonName {
  const given = [rng.pick(FIRST_NAMES)];
  if (rng.bool(middleChance)) given.push(rng.pick(MIDDLE_NAMES));
  return { given, last: rng.pick(LAST_NAMES) };
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Integer part with comma thousands separators: 1234567 → "1,234,567". */
export function groupThousands(digits: string, separator = ','): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/**
 * Rounds the exact decimal `units / 10^scale` (units an integer) to `decimals` places, halves away
 * from zero, and prints it with exactly that many decimals. Integer arithmetic throughout, so no
 * binary floating-point error can flip a half. Never prints "-0".
 */
export function roundScaled(units: bigint, scale: number, decimals: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  let rounded: bigint;
  if (decimals >= scale) {
    rounded = abs * 10n ** BigInt(decimals - scale);
  } else {
    const div = 10n ** BigInt(scale - decimals);
    rounded = (abs + div / 2n) / div;
  }
  const text = rounded.toString().padStart(decimals + 1, '0');
  const intPart = text.slice(0, text.length - decimals);
  const frac = decimals > 0 ? `.${text.slice(text.length - decimals)}` : '';
  return `${negative && rounded !== 0n ? '-' : ''}${intPart}${frac}`;
}
