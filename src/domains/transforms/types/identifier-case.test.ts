import { describe, expect, it } from 'vitest';
import { identifierCase } from './identifier-case.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: regex replacements on the whole lower-cased line, chosen by the style's name. */
function rederive(instruction: string, data: string): string {
  const style = /to (snake_case|kebab-case|CONSTANT_CASE|camelCase|PascalCase) \(/.exec(instruction)?.[1];
  expect(style).toBeDefined();
  return linesOf(data)
    .map((line) => {
      const l = line.toLowerCase();
      switch (style) {
        case 'snake_case': return l.replace(/ /g, '_');
        case 'kebab-case': return l.replace(/ /g, '-');
        case 'CONSTANT_CASE': return l.replace(/ /g, '_').toUpperCase();
        case 'camelCase': return l.replace(/ ([a-z])/g, (_m, c: string) => c.toUpperCase());
        default: return l.replace(/(^| )([a-z])/g, (_m, _s, c: string) => c.toUpperCase());
      }
    })
    .join('\n');
}

describe('identifier-case', () => {
  it('gold equals an independent re-derivation', () => assertRederives(identifierCase, rederive));
  it('uses all five styles', () => {
    const all = sampleInstances(identifierCase, 200).map((i) => i.instruction);
    for (const s of ['snake_case', 'kebab-case', 'CONSTANT_CASE', 'camelCase', 'PascalCase']) {
      expect(all.some((t) => t.includes(`to ${s} (`))).toBe(true);
    }
  });
});
