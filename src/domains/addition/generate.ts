import type { ItemDraft } from '../../core/item.js';
import type { Rng } from '../../core/rng.js';
import { additionDifficulty } from './difficulty.js';

export const MAX_DIGITS = 100;

export interface AdditionGold {
  /** The exact sum, decimal digits, no separators. */
  sum: string;
}

/**
 * Draws `count` distinct additions whose carry counts are spread evenly over 0…100.
 *
 * For each item: pick the target carry count c uniformly; a longer-addend length L ≥ c; a shorter
 * length s ≤ L. Carries happen either in the s "shared" columns, where any carry pattern is
 * possible, or in a chain running on from the top shared column into the single columns (a carry
 * there needs a 9 with a carry coming in). We choose where the c carries go, then draw digits
 * column by column that produce exactly that pattern.
 */
export function generateAdditions(rng: Rng, count: number): ItemDraft<AdditionGold>[] {
  const seen = new Set<string>();
  const out: ItemDraft<AdditionGold>[] = [];
  let attempts = 0;
  while (out.length < count) {
    if (++attempts > count * 20 + 1000) throw new Error('addition: could not draw enough distinct items');
    const [a, b] = drawPair(rng);
    const key = `${a}+${b}`;
    if (seen.has(key)) continue; // only plausible for the tiny 1–2 digit cases
    seen.add(key);
    const sum = (BigInt(a) + BigInt(b)).toString();
    out.push({
      input: { a, b },
      gold: { sum },
      difficulty: additionDifficulty(a, b, sum),
      source: {},
    });
  }
  return out;
}

function drawPair(rng: Rng): [string, string] {
  const carries = rng.int(0, MAX_DIGITS);
  const long = rng.int(Math.max(carries, 1), MAX_DIGITS);
  const short = rng.int(1, long);
  const pattern = carryPattern(rng, carries, long, short);
  const [x, y] = digitsForPattern(rng, pattern, long, short);
  return rng.bool() ? [x, y] : [y, x];
}

/** carry[i] says whether column i (0 = units) carries out; exactly `carries` are true. */
function carryPattern(rng: Rng, carries: number, long: number, short: number): boolean[] {
  // k carries form a chain in the single columns short…short+k-1; it needs column short-1 to carry.
  const kMin = Math.max(0, carries - short);
  const kMax = Math.min(long - short, carries > 0 ? carries - 1 : 0);
  const chain = kMin <= kMax ? rng.int(kMin, kMax) : kMin;
  const shared = carries - chain;
  const pattern = new Array<boolean>(long).fill(false);
  for (let i = short; i < short + chain; i++) pattern[i] = true;
  const free = Array.from({ length: short }, (_, i) => i);
  if (chain > 0) {
    pattern[short - 1] = true;
    free.pop();
  }
  const need = chain > 0 ? shared - 1 : shared;
  for (const i of rng.shuffle(free).slice(0, need)) pattern[i] = true;
  return pattern;
}

function digitsForPattern(rng: Rng, carry: boolean[], long: number, short: number): [string, string] {
  const x: number[] = [];
  const y: number[] = [];
  let carryIn = 0;
  for (let i = 0; i < long; i++) {
    const out = carry[i] ? 1 : 0;
    const xMin = i === long - 1 ? 1 : 0;
    if (i < short) {
      const yMin = i === short - 1 ? 1 : 0;
      // Rejection over the 100 digit pairs: every (carryIn, out) combination has solutions.
      for (;;) {
        const dx = rng.int(xMin, 9);
        const dy = rng.int(yMin, 9);
        if ((dx + dy + carryIn >= 10 ? 1 : 0) === out) {
          x.push(dx);
          y.push(dy);
          break;
        }
      }
    } else {
      // Only x has a digit here: a carry needs 9 + carry in; no carry needs x + carry in ≤ 9.
      x.push(out === 1 ? 9 : rng.int(xMin, 9 - carryIn));
    }
    carryIn = out;
  }
  return [x.reverse().join(''), y.reverse().join('')];
}
