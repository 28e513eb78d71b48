import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { csvCell, drawTable, numericColumnsPhrase, tableObjects } from './table-rows.js';

/**
 * CSV with a header row → a JSON array of objects, keys in header order, numeric columns (named
 * in the instruction) as JSON numbers and everything else as strings. Gold is compact JSON;
 * check() compares parsed values, so spacing and key order are tolerated.
 */
export const csvToJson: TransformType = {
  name: 'csv-to-json',
  outputKind: 'json',
  generate(rng: Rng) {
    const table = drawTable(rng, 15);
    const header = table.columns.map((c) => c.name).join(',');
    const rows = table.rows.map((row) => row.map((v, i) => csvCell(table.columns[i] as (typeof table.columns)[number], v)).join(','));
    const numeric = numericColumnsPhrase(table.columns);
    const types = numeric ? `the values of ${numeric} as JSON numbers and all other values as strings` : 'every value as a JSON string';
    return {
      instruction:
        'convert the CSV data (its first row is the header) to a JSON array with one object per row, using the header names ' +
        `as keys in column order, ${types}, written as compact JSON`,
      data: [header, ...rows].join('\n'),
      output: JSON.stringify(tableObjects(table)),
      records: table.rows.length,
    };
  },
};
