/**
 * Small statistical helpers for the hand-made sample analysis. They only need to look plausible:
 * the report renders whatever numbers it is given, so these are not the analyses' implementations.
 */
import { BIN_COUNT } from '../../core/item.js';
import type { BinShares, Estimate, OutcomeShares } from '../../analysis/analysis-types.js';

const Z = 1.959964;

/** Rounded to 6 decimals, like the analyses, so numbers print compactly and compare exactly. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Wilson score interval for k successes out of n. */
export function wilson(share: number, n: number): Estimate {
  if (n === 0) return { value: 0, low: 0, high: 1 };
  const p = Math.min(1, Math.max(0, share));
  const denom = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / denom;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / denom;
  return { value: round6(p), low: round6(Math.max(0, centre - half)), high: round6(Math.min(1, centre + half)) };
}

/** An estimate with a symmetric half-width, clamped to [0, 1]. */
export function around(value: number, half: number): Estimate {
  const v = Math.min(1, Math.max(0, value));
  return { value: round6(v), low: round6(Math.max(0, v - half)), high: round6(Math.min(1, v + half)) };
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Correct / avoidant / incorrect shares over n trials; the three shares sum to 1. */
export function shares(correct: number, avoidant: number, n: number): OutcomeShares {
  const c = Math.min(1, Math.max(0, correct));
  const a = Math.min(1 - c, Math.max(0, avoidant));
  return { n, correct: wilson(c, n), avoidant: wilson(a, n), incorrect: wilson(1 - c - a, n) };
}

export const BIN_WIDTH = 100 / BIN_COUNT;

export function binShares(bin: number, s: OutcomeShares): BinShares {
  return { bin, from: round6(bin * BIN_WIDTH), to: round6((bin + 1) * BIN_WIDTH), ...s };
}

/** A tiny deterministic pseudo-random number in [0, 1) from integers, for jitter in the sample. */
export function jitter(...keys: number[]): number {
  let h = 2166136261;
  for (const k of keys) {
    h ^= k + 0x9e3779b9;
    h = Math.imul(h, 16777619) >>> 0;
    h ^= h >>> 13;
  }
  return (Math.imul(h, 2246822519) >>> 0) / 2 ** 32;
}
