import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Test support: where the real ARC/MMLU files are (RELIABENCH_SCIENCE_DATA, else ../shared/data/science). */

/** The repository root: the nearest folder above the working directory with package.json and src/. */
export function repoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'domains'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export function realScienceDataPath(): string {
  const fromEnv = process.env['RELIABENCH_SCIENCE_DATA']?.trim();
  return fromEnv ? resolve(fromEnv) : resolve(repoRoot(), '../shared/data/science');
}
