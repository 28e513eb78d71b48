import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listZipEntries, readZipEntry } from './zip-reader.js';
import { extractTar } from './tar-reader.js';
import { buildTar, buildZip } from './test-support/archive-builders.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reliabench-archive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function withFile<T>(name: string, bytes: Buffer, fn: (fh: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const fh = await open(path, 'r');
  try {
    return await fn(fh);
  } finally {
    await fh.close();
  }
}

const csv = 'questionID,question\r\nQ1,"Which, of ""these""?\nnext line"\r\n'.repeat(50);

describe('zip reader', () => {
  it('lists entries and reads stored and deflated ones with unicode names', async () => {
    const zip = buildZip([
      { name: 'ARC-V1-Feb2018-2/ARC-Easy/ARC-Easy-Train.csv', data: csv },
      { name: 'ARC-V1-Feb2018-2/stored.txt', data: 'kept as is', deflate: false },
      { name: 'ARC-V1-Feb2018-2/ünïcode.txt', data: 'ü' },
      { name: 'empty.txt', data: '' },
    ]);
    await withFile('a.zip', zip, async (fh) => {
      const entries = await listZipEntries(fh);
      expect(entries.map((e) => [e.name, e.method])).toEqual([
        ['ARC-V1-Feb2018-2/ARC-Easy/ARC-Easy-Train.csv', 8],
        ['ARC-V1-Feb2018-2/stored.txt', 0],
        ['ARC-V1-Feb2018-2/ünïcode.txt', 8],
        ['empty.txt', 8],
      ]);
      const texts = await Promise.all(entries.map(async (e) => (await readZipEntry(fh, e)).toString('utf8')));
      expect(texts).toEqual([csv, 'kept as is', 'ü', '']);
    });
  });

  it('rejects a file that is not a zip and an entry whose bytes were damaged', async () => {
    await withFile('not.zip', Buffer.from('<html>404 not found</html>'.repeat(3)), async (fh) => {
      await expect(listZipEntries(fh)).rejects.toThrow(/no end-of-central-directory/);
    });
    const zip = buildZip([{ name: 'x.csv', data: 'abcdefgh', deflate: false }]);
    zip[30 + 'x.csv'.length] = 'z'.charCodeAt(0); // first data byte
    await withFile('bad.zip', zip, async (fh) => {
      const [entry] = await listZipEntries(fh);
      await expect(readZipEntry(fh, entry!)).rejects.toThrow(/CRC/);
    });
  });
});

describe('tar reader', () => {
  const long = `data/test/${'very_long_directory_name_'.repeat(4)}/college_physics_test.csv`;

  it('reads wanted regular files, with GNU long names and ustar prefixes, and skips the rest', async () => {
    for (const usePrefix of [false, true]) {
      const tar = buildTar(
        [
          { name: 'data/dev/astronomy_dev.csv', data: 'skip me' },
          { name: 'data/test/astronomy_test.csv', data: csv },
          { name: long, data: 'long,name' },
          { name: 'data/test/odd_size_test.csv', data: 'x'.repeat(513) },
        ],
        { dirs: ['data', 'data/test'], usePrefix },
      );
      const files = await withFile(`a${usePrefix}.tar`, tar, (fh) => extractTar(fh, (p) => p.includes('/test/')));
      expect([...files.keys()]).toEqual(['data/test/astronomy_test.csv', long, 'data/test/odd_size_test.csv']);
      expect(files.get('data/test/astronomy_test.csv')?.toString('utf8')).toBe(csv);
      expect(files.get(long)?.toString('utf8')).toBe('long,name');
      expect(files.get('data/test/odd_size_test.csv')).toHaveLength(513);
    }
  });

  it('rejects a damaged header and a truncated archive', async () => {
    const tar = buildTar([{ name: 'data/test/a_test.csv', data: 'abc' }]);
    const damaged = Buffer.from(tar);
    damaged[0] = 'X'.charCodeAt(0);
    await withFile('damaged.tar', damaged, async (fh) => {
      await expect(extractTar(fh, () => true)).rejects.toThrow(/checksum/);
    });
    const big = buildTar([{ name: 'data/test/a_test.csv', data: 'y'.repeat(5000) }]);
    await withFile('short.tar', big.subarray(0, 1536), async (fh) => {
      await expect(extractTar(fh, () => true)).rejects.toThrow(/runs past the end/);
    });
  });
});
