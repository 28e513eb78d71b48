import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects, asyncBufferFromFile } from 'hyparquet';
import { writeItemsJsonl, itemToJsonLine } from './items-jsonl.js';
import { writeItemsParquet } from './items-parquet.js';
import { checkOutputPath, writeAtomically } from './output-file.js';
import type { Item } from '../../core/item.js';

const items: Item[] = [0, 1, 2].map((n) => ({
  id: `anagram-${n}`,
  domain: 'anagram',
  input: { letters: n === 1 ? 'line\nbreak "quote" </script>' : 'tca' },
  gold: { word: 'cat', solutions: ['act', 'cat'] },
  difficulty: { values: { f_let: 3, rarity: 2.5 }, chosen: 'f_let', calibrated: 12.5 * n, bin: n },
  source: { frequencyRank: 100 + n },
}));

const dir = () => mkdtempSync(join(tmpdir(), 'rb-export-'));

describe('JSONL export', () => {
  it('writes one parseable line per item with the documented key order', () => {
    const path = join(dir(), 'items.jsonl');
    writeItemsJsonl(path, items);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines.slice(0, 3).map((l) => JSON.parse(l))).toEqual(items);
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(['id', 'domain', 'input', 'gold', 'difficulty', 'source']);
    expect(itemToJsonLine(items[1]!)).not.toContain('\n');
  });
});

describe('Parquet export', () => {
  it('writes a file hyparquet reads back, with typed difficulty columns', async () => {
    const path = join(dir(), 'items.parquet');
    writeItemsParquet(path, items);
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(path) });
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r['id'])).toEqual(items.map((i) => i.id));
    expect(rows.map((r) => r['difficulty_calibrated'])).toEqual([0, 12.5, 25]);
    expect(rows.map((r) => r['difficulty_bin'])).toEqual([0, 1, 2]);
    expect(JSON.parse(rows[1]!['input'] as string)).toEqual(items[1]!.input);
  });

  it('is byte-identical when written twice', () => {
    const d = dir();
    writeItemsParquet(join(d, 'a.parquet'), items);
    writeItemsParquet(join(d, 'b.parquet'), items);
    expect(readFileSync(join(d, 'a.parquet')).equals(readFileSync(join(d, 'b.parquet')))).toBe(true);
  });
});

describe('output paths', () => {
  it('accepts .jsonl and .parquet and rejects other extensions', () => {
    const d = dir();
    expect(checkOutputPath(join(d, 'x.jsonl')).format).toBe('jsonl');
    expect(checkOutputPath(join(d, 'x.PARQUET')).format).toBe('parquet');
    expect(() => checkOutputPath(join(d, 'x.csv'))).toThrow(/must end in .jsonl or .parquet/);
  });

  it('rejects a missing folder, a file posing as a folder, and a folder as the output', () => {
    const d = dir();
    writeFileSync(join(d, 'file'), '');
    mkdirSync(join(d, 'sub.jsonl'));
    expect(() => checkOutputPath(join(d, 'missing', 'x.jsonl'))).toThrow(/does not exist or is not writable/);
    expect(() => checkOutputPath(join(d, 'file', 'x.jsonl'))).toThrow(/does not exist or is not writable/);
    expect(() => checkOutputPath(join(d, 'sub.jsonl'))).toThrow(/it is a folder/);
  });

  it('leaves neither a partial file nor a temp file when writing fails midway', () => {
    const d = dir();
    const path = join(d, 'x.jsonl');
    writeFileSync(path, 'previous contents\n');
    expect(() => writeAtomically(path, (tmp) => {
      writeFileSync(tmp, 'half');
      throw new Error('disk full');
    })).toThrow(/disk full/);
    expect(readFileSync(path, 'utf8')).toBe('previous contents\n');
    expect(readdirSync(d)).toEqual(['x.jsonl']);
    expect(existsSync(`${path}.tmp-${process.pid}`)).toBe(false);
  });
});
