import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformBigInt } from 'pure-rand/distribution/uniformBigInt';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { createHash } from 'node:crypto';

/**
 * A seeded random stream. Seeds are hashed (sha256 of the seed and a label) into the generator's
 * full 128-bit state: small integer seeds like 7 and 8 mix badly when used directly, and the label
 * gives every domain its own independent stream, so adding a domain never shifts another's items.
 */
export class Rng {
  private readonly gen: JumpableRandomGenerator;

  private constructor(gen: JumpableRandomGenerator) {
    this.gen = gen;
  }

  static fromSeed(seed: string | number, label = ''): Rng {
    const digest = createHash('sha256').update(`reliabench:${seed}:${label}`).digest();
    const state: number[] = [digest.readInt32LE(0), digest.readInt32LE(4), digest.readInt32LE(8), digest.readInt32LE(12)];
    if (!state.some((s) => s !== 0)) state[0] = 1; // the all-zero state is a fixed point
    return new Rng(xoroshiro128plusFromState(state));
  }

  /** An independent stream derived from this one's next values and a label. */
  fork(label: string): Rng {
    return Rng.fromSeed(`${this.int(0, 0x7fffffff)}:${this.int(0, 0x7fffffff)}`, label);
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return uniformInt(this.gen, lo, hi);
  }

  bigint(lo: bigint, hi: bigint): bigint {
    return uniformBigInt(this.gen, lo, hi);
  }

  /** Float in [0, 1). */
  float(): number {
    return uniformFloat64(this.gen);
  }

  bool(pTrue = 0.5): boolean {
    return this.float() < pTrue;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick on an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}
