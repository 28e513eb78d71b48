import fc from 'fast-check';
import { expect } from 'vitest';
import { Rng } from '../../../core/rng.js';
import type { TransformInstance, TransformType } from '../gold.js';

/**
 * Property test over seeds: generates an instance of `type` from each seed and asserts that the
 * independent `rederive` (from the instruction text and the data only) gives exactly the gold output.
 */
export function assertRederives(type: TransformType, rederive: (instruction: string, data: string) => string, numRuns = 300): void {
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      const inst: TransformInstance = type.generate(Rng.fromSeed(seed, `property:${type.name}`));
      expect(rederive(inst.instruction, inst.data)).toBe(inst.output);
      expect(inst.records).toBeGreaterThan(0);
      expect(inst.output.length).toBeGreaterThan(0);
    }),
    { numRuns },
  );
}

/** Instances from many seeds, for assertions about the spread of what a type generates. */
export function sampleInstances(type: TransformType, count: number): TransformInstance[] {
  const rng = Rng.fromSeed('sample', type.name);
  return Array.from({ length: count }, () => type.generate(rng));
}

export const linesOf = (text: string): string[] => text.split('\n');
