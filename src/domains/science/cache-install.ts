import { mkdir, mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ProgressEvent } from '../../core/domain.js';
import { ReliabenchError } from '../../core/errors.js';
import { downloadToFile, FIX_HINT } from './download.js';
import { listZipEntries, readZipEntry } from './zip-reader.js';
import { extractTar } from './tar-reader.js';
import { ARC_FILES } from './arc-loader.js';
import { mmluFileName } from './mmlu-loader.js';
import { MMLU_SUBJECTS, isMmluSubject } from './difficulty-scale.js';
import { isUsable, listScienceFiles } from './data-files.js';

export const DEFAULT_ARC_URL = 'https://ai2-public-datasets.s3.amazonaws.com/arc/ARC-V1-Feb2018.zip';
export const DEFAULT_MMLU_URL = 'https://people.eecs.berkeley.edu/~hendrycks/data.tar';

export interface InstallOptions {
  arcUrl: string;
  mmluUrl: string;
  headerTimeoutMs: number;
  idleTimeoutMs: number;
  onProgress?: (event: ProgressEvent) => void;
}

function badArchive(url: string, what: string, cause?: unknown): ReliabenchError {
  return new ReliabenchError('DOWNLOAD_FAILED', `the archive from ${url} ${what}; ${FIX_HINT}`, { input: url, cause });
}

/** Only real ARC CSVs, never macOS `._` resource forks or `__MACOSX/` copies. */
function arcNameOf(path: string): string | undefined {
  if (path.includes('__MACOSX/')) return undefined;
  const name = basename(path);
  return ARC_FILES.includes(name) ? name : undefined;
}

/** `data/test/<subject>_test.csv` for the 12 subjects the domain reads. */
function mmluNameOf(path: string): string | undefined {
  const m = /(?:^|\/)test\/([a-z_]+)_test\.csv$/.exec(path);
  if (!m || path.includes('__MACOSX/') || !isMmluSubject(m[1] as string)) return undefined;
  return `${m[1]}_test.csv`;
}

async function extractArc(zipPath: string, url: string, into: string): Promise<void> {
  const fh = await open(zipPath, 'r');
  try {
    const entries = await listZipEntries(fh);
    const written = new Set<string>();
    for (const entry of entries) {
      const name = arcNameOf(entry.name);
      if (!name || written.has(name)) continue;
      await writeFile(join(into, name), await readZipEntry(fh, entry));
      written.add(name);
    }
    const missing = ARC_FILES.filter((n) => !written.has(n));
    if (missing.length > 0) throw badArchive(url, `has no ${missing.join(', ')}`);
  } catch (error) {
    if (error instanceof ReliabenchError) throw error;
    throw badArchive(url, `is not a readable zip (${(error as Error).message})`, error);
  } finally {
    await fh.close();
  }
}

async function extractMmlu(tarPath: string, url: string, into: string): Promise<void> {
  const fh = await open(tarPath, 'r');
  try {
    const files = await extractTar(fh, (path) => mmluNameOf(path) !== undefined);
    const written = new Set<string>();
    for (const [path, data] of files) {
      const name = mmluNameOf(path) as string;
      if (written.has(name)) continue;
      await writeFile(join(into, name), data);
      written.add(name);
    }
    const missing = MMLU_SUBJECTS.map(mmluFileName).filter((n) => !written.has(n));
    if (missing.length > 0) throw badArchive(url, `has no data/test/${missing.join(', ')}`);
  } catch (error) {
    if (error instanceof ReliabenchError) throw error;
    throw badArchive(url, `is not a readable tar (${(error as Error).message})`, error);
  } finally {
    await fh.close();
  }
}

/**
 * Downloads ARC (zip) and MMLU (tar), keeps only the science CSVs in the local layout
 * (`arc/ARC-*.csv`, `mmlu/<subject>_test.csv`; MMLU stays in its headerless upstream format) and
 * moves the finished folder to `cacheDir` with one rename, so a crash never leaves a half cache.
 * Archives and partial work live in a temporary sibling folder that is always removed.
 */
export async function installScienceCache(cacheDir: string, options: InstallOptions): Promise<void> {
  const parent = dirname(cacheDir);
  await mkdir(parent, { recursive: true });
  const work = await mkdtemp(join(parent, '.science-download-'));
  try {
    const staging = join(work, 'science');
    await mkdir(join(staging, 'arc'), { recursive: true });
    await mkdir(join(staging, 'mmlu'), { recursive: true });
    const common = { headerTimeoutMs: options.headerTimeoutMs, idleTimeoutMs: options.idleTimeoutMs, onProgress: options.onProgress };
    const zipPath = join(work, 'arc.zip');
    const tarPath = join(work, 'mmlu.tar');
    await downloadToFile({ ...common, url: options.arcUrl, dest: zipPath, stage: 'download ARC' });
    await downloadToFile({ ...common, url: options.mmluUrl, dest: tarPath, stage: 'download MMLU' });
    options.onProgress?.({ stage: 'extract science data', done: 0, total: 2 });
    await extractArc(zipPath, options.arcUrl, join(staging, 'arc'));
    options.onProgress?.({ stage: 'extract science data', done: 1, total: 2 });
    await extractMmlu(tarPath, options.mmluUrl, join(staging, 'mmlu'));
    options.onProgress?.({ stage: 'extract science data', done: 2, total: 2 });
    try {
      await rename(staging, cacheDir);
    } catch (error) {
      // another process may have finished first: its complete cache is as good as ours
      if (!isUsable(await listScienceFiles(cacheDir))) throw error;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
