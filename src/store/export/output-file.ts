import { accessSync, constants, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { ReliabenchError } from '../../core/errors.js';

export type OutputFormat = 'jsonl' | 'parquet';

/** Decides the format from the extension and checks, before any work, that the file can be written. */
export function checkOutputPath(path: string): { path: string; format: OutputFormat } {
  const full = resolve(path);
  const ext = extname(full).toLowerCase();
  const format: OutputFormat | undefined = ext === '.jsonl' ? 'jsonl' : ext === '.parquet' ? 'parquet' : undefined;
  if (!format) {
    throw new ReliabenchError('BAD_ARGUMENT', `--out must end in .jsonl or .parquet, got "${path}"`, { input: path });
  }
  const dir = dirname(full);
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    accessSync(dir, constants.W_OK);
  } catch {
    throw new ReliabenchError('OUTPUT_NOT_WRITABLE', `cannot write ${path}: folder ${dir} does not exist or is not writable`, { input: path });
  }
  try {
    if (statSync(full).isDirectory()) throw new ReliabenchError('OUTPUT_NOT_WRITABLE', `cannot write ${path}: it is a folder`, { input: path });
    accessSync(full, constants.W_OK);
  } catch (e) {
    if (e instanceof ReliabenchError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ReliabenchError('OUTPUT_NOT_WRITABLE', `cannot write ${path}: the file is not writable`, { input: path });
    }
  }
  return { path: full, format };
}

/**
 * Writes through a temporary file beside the target and renames it into place, so a crash or a
 * Ctrl+C never leaves a half-written output where the real one should be.
 */
export function writeAtomically(path: string, write: (tmpPath: string) => void): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    write(tmp);
    renameSync(tmp, path);
  } catch (cause) {
    rmSync(tmp, { force: true });
    throw new ReliabenchError('OUTPUT_NOT_WRITABLE', `cannot write ${path}: ${(cause as Error).message}`, { input: path, cause });
  }
}
