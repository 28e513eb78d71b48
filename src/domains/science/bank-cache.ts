import { stat } from 'node:fs/promises';
import type { ProgressEvent } from '../../core/domain.js';
import type { ScienceDataFiles } from './data-files.js';
import { loadScienceBank, type ScienceBankData } from './question-bank.js';

/**
 * Keeps the last loaded bank in memory, keyed by every file's path, size and modification time,
 * so repeated generate() calls in one process parse the CSVs once. A changed file reloads.
 */
let last: { key: string; bank: Promise<ScienceBankData> } | undefined;

async function signature(files: ScienceDataFiles): Promise<string> {
  const paths = [...files.arc.map((f) => f.path), ...files.mmlu.map((f) => f.path)];
  const stats = await Promise.all(paths.map((p) => stat(p)));
  return paths.map((p, i) => `${p}:${stats[i]?.size}:${stats[i]?.mtimeMs}`).join('\n');
}

export async function loadScienceBankCached(files: ScienceDataFiles, onProgress?: (e: ProgressEvent) => void): Promise<ScienceBankData> {
  const key = await signature(files);
  if (last?.key !== key) {
    const bank = loadScienceBank(files, onProgress);
    last = { key, bank };
    bank.catch(() => {
      if (last?.bank === bank) last = undefined; // never keep a failure
    });
  }
  return last.bank;
}

/** Forgets the cached bank (tests and benchmarks that time a cold load). */
export function clearScienceBankCache(): void {
  last = undefined;
}
