import { writeFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Item } from '../../core/item.js';
import { writeAtomically } from './output-file.js';

/**
 * One row per item. Nested fields (input, gold, difficulty values, source) are JSON columns so the
 * file has one schema for all domains; scalar difficulty fields are typed columns for filtering.
 */
export function writeItemsParquet(path: string, items: readonly Item[]): void {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: items.map((i) => i.id), type: 'STRING' },
      { name: 'domain', data: items.map((i) => i.domain), type: 'STRING' },
      { name: 'input', data: items.map((i) => JSON.stringify(i.input)), type: 'STRING' },
      { name: 'gold', data: items.map((i) => JSON.stringify(i.gold)), type: 'STRING' },
      { name: 'difficulty_values', data: items.map((i) => JSON.stringify(i.difficulty.values)), type: 'STRING' },
      { name: 'difficulty_chosen', data: items.map((i) => i.difficulty.chosen), type: 'STRING' },
      { name: 'difficulty_calibrated', data: items.map((i) => i.difficulty.calibrated), type: 'DOUBLE' },
      { name: 'difficulty_bin', data: items.map((i) => i.difficulty.bin), type: 'INT32' },
      { name: 'source', data: items.map((i) => JSON.stringify(i.source)), type: 'STRING' },
    ],
    createdBy: 'reliabench',
  });
  writeAtomically(path, (tmp) => writeFileSync(tmp, new Uint8Array(buffer)));
}
