import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawTable, tableObjects } from './table-rows.js';

/**
 * A JSON array of flat objects (compact or indented) → CSV: a header row with the keys in the order
 * they appear, then one row per object, numbers written as in the JSON. Values never need quoting.
 */
export const jsonToCsv: TransformType = {
  name: 'json-to-csv',
  outputKind: 'csv',
  generate(rng: Rng) {
    const table = drawTable(rng, 15);
    const objects = tableObjects(table);
    const data = rng.bool(0.35) ? JSON.stringify(objects, null, 2) : JSON.stringify(objects);
    const lines = [table.columns.map((c) => c.name).join(','), ...table.rows.map((row) => row.map(String).join(','))];
    return {
      instruction:
        'convert the JSON array to CSV: a header row with the keys in the order they appear, then one row per object in the ' +
        'same order, values separated by commas with no spaces and no quotes, numbers written exactly as in the JSON',
      data,
      output: lines.join('\n'),
      records: table.rows.length,
    };
  },
};
