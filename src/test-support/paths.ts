import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from source). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Science question files: $RELIABENCH_SCIENCE_DATA, else ../shared/data/science beside the clone. */
export function scienceDataPath(): string {
  return process.env['RELIABENCH_SCIENCE_DATA'] ?? resolve(REPO_ROOT, '../shared/data/science');
}
