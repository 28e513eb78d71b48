import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReliabenchError } from '../../core/errors.js';
import { resolveScienceData, scienceCacheDir } from './data-path.js';
import { realScienceDataPath } from './test-support/science-data.js';

const DATA = realScienceDataPath();
const OFFLINE = { RELIABENCH_ARC_URL: 'http://127.0.0.1:9/arc.zip', RELIABENCH_MMLU_URL: 'http://127.0.0.1:9/data.tar' };
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'reliabench-path-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Copies the data folder's CSVs as fresh writable files (the shared originals are read-only). */
async function copyData(from: string, to: string): Promise<void> {
  for (const sub of ['arc', 'mmlu']) {
    await mkdir(join(to, sub), { recursive: true });
    for (const name of await readdir(join(from, sub))) await writeFile(join(to, sub, name), await readFile(join(from, sub, name)));
  }
}

async function failure(promise: Promise<unknown>): Promise<ReliabenchError> {
  const e = await promise.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(ReliabenchError);
  return e as ReliabenchError;
}

describe('scienceCacheDir', () => {
  it('uses RELIABENCH_CACHE_DIR, then XDG_CACHE_HOME/reliabench, then ~/.cache/reliabench', () => {
    expect(scienceCacheDir({ RELIABENCH_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c/science');
    expect(scienceCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/reliabench/science');
    expect(scienceCacheDir({ XDG_CACHE_HOME: '' })).toBe(join(homedir(), '.cache', 'reliabench', 'science'));
  });
});

describe('resolveScienceData', () => {
  it('prefers the option, then RELIABENCH_SCIENCE_DATA, then a filled cache', async () => {
    const cacheRoot = join(tmp, 'cache');
    await copyData(DATA, join(cacheRoot, 'science'));
    const envOnly = { RELIABENCH_SCIENCE_DATA: DATA, RELIABENCH_CACHE_DIR: cacheRoot, ...OFFLINE };
    expect((await resolveScienceData({ scienceDataPath: DATA, env: { RELIABENCH_SCIENCE_DATA: '/nowhere' } })).dir).toBe(DATA);
    expect((await resolveScienceData({ env: envOnly })).dir).toBe(DATA);
    const fromCache = await resolveScienceData({ env: { RELIABENCH_CACHE_DIR: cacheRoot, ...OFFLINE } });
    expect(fromCache.dir).toBe(join(cacheRoot, 'science'));
    expect(fromCache.arc.map((f) => f.name)).toEqual([
      'ARC-Easy-Train.csv',
      'ARC-Easy-Dev.csv',
      'ARC-Easy-Test.csv',
      'ARC-Challenge-Train.csv',
      'ARC-Challenge-Dev.csv',
      'ARC-Challenge-Test.csv',
    ]);
    expect(fromCache.mmlu).toHaveLength(12);
  });

  it('names the path and the fix when a given folder does not exist', async () => {
    const missing = join(tmp, 'no-such-folder');
    const e = await failure(resolveScienceData({ scienceDataPath: missing, env: {} }));
    expect(e.code).toBe('SCIENCE_DATA_MISSING');
    expect(e.input).toBe(missing);
    expect(e.message).toContain(`science data folder ${missing} (from --science-data) does not exist`);
    expect(e.message).toMatch(/--science-data <folder> or set RELIABENCH_SCIENCE_DATA/);
    const fromEnv = await failure(resolveScienceData({ env: { RELIABENCH_SCIENCE_DATA: missing } }));
    expect(fromEnv.message).toContain('(from RELIABENCH_SCIENCE_DATA) does not exist');
  });

  it('names what is missing when a given folder lacks the CSVs', async () => {
    const onlyArc = join(tmp, 'only-arc');
    await mkdir(join(onlyArc, 'arc'), { recursive: true });
    await writeFile(join(onlyArc, 'arc', 'ARC-Easy-Test.csv'), 'x');
    await mkdir(join(onlyArc, 'mmlu'));
    await writeFile(join(onlyArc, 'mmlu', 'marketing_test.csv'), 'x'); // not a science subject
    const e = await failure(resolveScienceData({ scienceDataPath: onlyArc, env: {} }));
    expect(e.code).toBe('SCIENCE_DATA_MISSING');
    expect(e.message).toContain(`science data folder ${onlyArc} (from --science-data) has no mmlu/<subject>_test.csv files`);
    const empty = join(tmp, 'empty');
    await mkdir(empty);
    expect((await failure(resolveScienceData({ scienceDataPath: empty, env: {} }))).message).toContain(
      'has no arc/ARC-*.csv and mmlu/<subject>_test.csv files',
    );
  });

  it('refuses a cache folder holding something else rather than downloading over it', async () => {
    const root = join(tmp, 'foreign');
    await mkdir(join(root, 'science'), { recursive: true });
    await writeFile(join(root, 'science', 'notes.txt'), 'mine');
    const e = await failure(resolveScienceData({ env: { RELIABENCH_CACHE_DIR: root, ...OFFLINE } }));
    expect(e.code).toBe('SCIENCE_DATA_MISSING');
    expect(e.message).toContain(`the cache folder ${join(root, 'science')} exists but has no science CSVs`);
  });
});
