import { describe, expect, it } from 'vitest';
import { jsonToCsv } from './json-to-csv.js';
import { assertRederives, sampleInstances } from '../test-support/property.js';

/** Independent: JSON.parse, Object.keys of the first object, Object.values per row. */
function rederive(_instruction: string, data: string): string {
  const objects = JSON.parse(data) as Record<string, string | number>[];
  const keys = Object.keys(objects[0] as object);
  for (const o of objects) expect(Object.keys(o)).toEqual(keys);
  return [keys.join(','), ...objects.map((o) => Object.values(o).map(String).join(','))].join('\n');
}

describe('json-to-csv', () => {
  it('gold equals an independent re-derivation', () => assertRederives(jsonToCsv, rederive));
  it('shows the JSON both compact and indented', () => {
    const all = sampleInstances(jsonToCsv, 50);
    expect(all.some((i) => i.data.includes('\n  '))).toBe(true);
    expect(all.some((i) => !i.data.includes('\n'))).toBe(true);
  });
});
