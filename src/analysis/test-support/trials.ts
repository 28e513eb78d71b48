/** Small hand-made trial sets for the analyses' tests. */
import { binOf, type DomainName } from '../../core/item.js';
import type { Outcome } from '../../grading/grade-types.js';
import type { GradedTrial } from '../analysis-types.js';

const CODE: Record<string, Outcome> = { c: 'correct', a: 'avoidant', i: 'incorrect' };

/**
 * Trials from a compact table: each row is an item's difficulty and one letter per template
 * (c correct, a avoidant, i incorrect), e.g. [10, 'cci'] = three templates, the third wrong.
 */
export function trialsFrom(rows: readonly (readonly [number, string])[], opts: { modelKey?: string; domain?: DomainName; prefix?: string } = {}): GradedTrial[] {
  const domain = opts.domain ?? 'addition';
  const out: GradedTrial[] = [];
  rows.forEach(([difficulty, outcomes], j) => {
    [...outcomes].forEach((letter, t) => {
      const outcome = CODE[letter];
      if (outcome === undefined) throw new Error(`unknown outcome letter ${letter}`);
      out.push({
        modelKey: opts.modelKey ?? 'm',
        domain,
        itemId: `${opts.prefix ?? 'item'}-${String(j).padStart(4, '0')}`,
        templateId: `${domain}-${String(t + 1).padStart(2, '0')}`,
        sample: 0,
        difficulty,
        bin: binOf(difficulty),
        outcome,
        avoidance: outcome === 'avoidant' ? 'epistemic' : null,
      });
    });
  });
  return out;
}

/** Every value in a JSON-like tree that is a number must be finite. */
export function nonFiniteNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
  return [];
}
