import { closeSync, openSync, writeSync } from 'node:fs';
import type { Item } from '../../core/item.js';
import { writeAtomically } from './output-file.js';

/** One item as one JSON line, top-level keys in a fixed order (schema: docs/item-schema.md). */
export function itemToJsonLine(item: Item): string {
  return JSON.stringify({
    id: item.id,
    domain: item.domain,
    input: item.input,
    gold: item.gold,
    difficulty: item.difficulty,
    source: item.source,
  });
}

export function writeItemsJsonl(path: string, items: readonly Item[]): void {
  writeAtomically(path, (tmp) => {
    const fd = openSync(tmp, 'w');
    try {
      let chunk: string[] = [];
      for (const item of items) {
        chunk.push(itemToJsonLine(item));
        if (chunk.length === 1000) {
          writeSync(fd, chunk.join('\n') + '\n');
          chunk = [];
        }
      }
      if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
    } finally {
      closeSync(fd);
    }
  });
}
