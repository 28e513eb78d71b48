import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const TSX = import.meta.resolve('tsx');

/** Runs the real CLI from source in a child process, as a person would from a shell. */
export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): CliResult {
  // A variable set to undefined in options.env is removed from the child's environment.
  const env = Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1', ...options.env }).filter(([, v]) => v !== undefined));
  const result = spawnSync(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
