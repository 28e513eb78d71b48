import { describe, expect, it } from 'vitest';
import { csvToJson } from './csv-to-json.js';
import { assertRederives, linesOf, sampleInstances } from '../test-support/property.js';

/**
 * Independent: splits the CSV, reads which columns are numeric from the instruction, builds objects
 * with Object.fromEntries and Number, and compares parsed values (gold must also be compact JSON).
 */
function rederive(instruction: string, data: string): string {
  const numeric = new Set((/the values of the columns? ([a-z, ]+?) as JSON numbers/.exec(instruction)?.[1] ?? '').split(/, | and /));
  const [head, ...rows] = linesOf(data);
  const keys = (head as string).split(',');
  const objects = rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i], numeric.has(keys[i] as string) ? Number(v) : v])));
  return JSON.stringify(objects);
}

describe('csv-to-json', () => {
  it('gold equals an independent re-derivation', () => assertRederives(csvToJson, rederive));
  it('gold parses and has one object per data row', () => {
    for (const i of sampleInstances(csvToJson, 100)) {
      const parsed = JSON.parse(i.output) as unknown[];
      expect(parsed).toHaveLength(linesOf(i.data).length - 1);
    }
  });
});
