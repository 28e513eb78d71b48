import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARC_FILES } from './arc-loader.js';
import { mmluFileName } from './mmlu-loader.js';
import { MMLU_SUBJECTS, type MmluSubject } from './difficulty-scale.js';

/** The science CSVs found in a data folder laid out as `arc/ARC-*.csv` and `mmlu/<subject>_test.csv`. */
export interface ScienceDataFiles {
  dir: string;
  /** ARC files present, in ARC_FILES order. */
  arc: { name: string; path: string }[];
  /** MMLU files present for the 12 known subjects, in MMLU_SUBJECTS order (others are ignored). */
  mmlu: { subject: MmluSubject; path: string }[];
}

async function namesIn(dir: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(dir));
  } catch {
    return new Set();
  }
}

export async function listScienceFiles(dir: string): Promise<ScienceDataFiles> {
  const arcNames = await namesIn(join(dir, 'arc'));
  const mmluNames = await namesIn(join(dir, 'mmlu'));
  return {
    dir,
    arc: ARC_FILES.filter((name) => arcNames.has(name)).map((name) => ({ name, path: join(dir, 'arc', name) })),
    mmlu: MMLU_SUBJECTS.filter((s) => mmluNames.has(mmluFileName(s))).map((subject) => ({
      subject,
      path: join(dir, 'mmlu', mmluFileName(subject)),
    })),
  };
}

/** Whether a folder holds at least one ARC file and one MMLU file the domain can read. */
export function isUsable(files: ScienceDataFiles): boolean {
  return files.arc.length > 0 && files.mmlu.length > 0;
}
