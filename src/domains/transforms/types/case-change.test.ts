import { describe, expect, it } from 'vitest';
import { caseChange } from './case-change.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/** Independent: locale-aware upper/lower casing and a regex that capitalises word starts. */
function rederive(instruction: string, data: string): string {
  const lines = linesOf(data);
  if (instruction.includes('in upper case')) return lines.map((l) => l.toLocaleUpperCase('en')).join('\n');
  if (instruction.includes('in lower case')) return lines.map((l) => l.toLocaleLowerCase('en')).join('\n');
  expect(instruction).toContain('in title case');
  return lines.map((l) => l.toLocaleLowerCase('en').replace(/\b\p{Ll}/gu, (c) => c.toLocaleUpperCase('en'))).join('\n');
}

describe('case-change', () => {
  it('gold equals an independent re-derivation', () => assertRederives(caseChange, rederive));
  it('never asks for a line that is already in the target case', () => {
    for (const i of sampleInstances(caseChange, 200)) {
      const data = linesOf(i.data);
      linesOf(i.output).forEach((out, k) => expect(out).not.toBe(data[k]));
    }
  });
});
