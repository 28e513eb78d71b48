import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ProgressEvent } from '../../core/domain.js';
import { ReliabenchError } from '../../core/errors.js';
import { isUsable, listScienceFiles, type ScienceDataFiles } from './data-files.js';
import { DEFAULT_ARC_URL, DEFAULT_MMLU_URL, installScienceCache } from './cache-install.js';

export type Env = Record<string, string | undefined>;

export interface ResolveOptions {
  /** The --science-data option; wins over everything else. */
  scienceDataPath?: string;
  onProgress?: (event: ProgressEvent) => void;
  /** Defaults to process.env. */
  env?: Env;
}

const HEADER_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 30_000;

function envValue(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** `$RELIABENCH_CACHE_DIR`, else `$XDG_CACHE_HOME/reliabench`, else `~/.cache/reliabench`; then `science/`. */
export function scienceCacheDir(env: Env = process.env): string {
  const explicit = envValue(env, 'RELIABENCH_CACHE_DIR');
  const xdg = envValue(env, 'XDG_CACHE_HOME');
  const root = explicit ?? (xdg ? join(xdg, 'reliabench') : join(homedir(), '.cache', 'reliabench'));
  return resolve(root, 'science');
}

function positiveMs(env: Env, name: string, fallback: number): number {
  const raw = envValue(env, name);
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** A folder a person named: it must exist and hold both ARC and MMLU files. */
async function given(path: string, from: string): Promise<ScienceDataFiles> {
  const dir = resolve(path);
  const fix =
    'pass --science-data <folder> or set RELIABENCH_SCIENCE_DATA to a folder holding arc/ARC-Easy-Train.csv … and ' +
    'mmlu/<subject>_test.csv (or leave both unset to download the public files into the cache)';
  if (!(await isDirectory(dir))) {
    throw new ReliabenchError('SCIENCE_DATA_MISSING', `science data folder ${dir} (from ${from}) does not exist; ${fix}`, { input: dir });
  }
  const files = await listScienceFiles(dir);
  if (!isUsable(files)) {
    const lacking = [files.arc.length === 0 ? 'arc/ARC-*.csv' : '', files.mmlu.length === 0 ? 'mmlu/<subject>_test.csv' : '']
      .filter(Boolean)
      .join(' and ');
    throw new ReliabenchError('SCIENCE_DATA_MISSING', `science data folder ${dir} (from ${from}) has no ${lacking} files; ${fix}`, {
      input: dir,
    });
  }
  return files;
}

/**
 * Finds the science question files, in this order: the --science-data option, the
 * RELIABENCH_SCIENCE_DATA variable, the cache folder if it is already filled, else a download of
 * the canonical public files into the cache (RELIABENCH_ARC_URL / RELIABENCH_MMLU_URL override the
 * addresses; RELIABENCH_DOWNLOAD_TIMEOUT_MS / RELIABENCH_DOWNLOAD_IDLE_MS the deadlines).
 */
export async function resolveScienceData(options: ResolveOptions = {}): Promise<ScienceDataFiles> {
  const env = options.env ?? process.env;
  if (options.scienceDataPath !== undefined && options.scienceDataPath.trim() !== '') {
    return given(options.scienceDataPath, '--science-data');
  }
  const fromEnv = envValue(env, 'RELIABENCH_SCIENCE_DATA');
  if (fromEnv !== undefined) return given(fromEnv, 'RELIABENCH_SCIENCE_DATA');

  const cacheDir = scienceCacheDir(env);
  const cached = await listScienceFiles(cacheDir);
  if (isUsable(cached)) return cached;
  if (await isDirectory(cacheDir)) {
    if ((await readdir(cacheDir)).length > 0) {
      throw new ReliabenchError(
        'SCIENCE_DATA_MISSING',
        `the cache folder ${cacheDir} exists but has no science CSVs; delete it to download again, or pass --science-data <folder> / set RELIABENCH_SCIENCE_DATA`,
        { input: cacheDir },
      );
    }
  }
  await installScienceCache(cacheDir, {
    arcUrl: envValue(env, 'RELIABENCH_ARC_URL') ?? DEFAULT_ARC_URL,
    mmluUrl: envValue(env, 'RELIABENCH_MMLU_URL') ?? DEFAULT_MMLU_URL,
    headerTimeoutMs: positiveMs(env, 'RELIABENCH_DOWNLOAD_TIMEOUT_MS', HEADER_TIMEOUT_MS),
    idleTimeoutMs: positiveMs(env, 'RELIABENCH_DOWNLOAD_IDLE_MS', IDLE_TIMEOUT_MS),
    onProgress: options.onProgress,
  });
  const installed = await listScienceFiles(cacheDir);
  if (!isUsable(installed)) {
    throw new ReliabenchError('DOWNLOAD_FAILED', `the science download finished but ${cacheDir} has no usable files`, { input: cacheDir });
  }
  return installed;
}
