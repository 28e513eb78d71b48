import { spawn, spawnSync } from 'node:child_process';
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
  const result = spawnSync(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd,
    env: childEnv(options.env),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking this process: for tests that serve a model server to the CLI. */
export function runCliAsync(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), ...args], { cwd: options.cwd, env: childEnv(options.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A variable set to undefined in `extra` is removed from the child's environment. */
function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1', ...extra }).filter((e): e is [string, string] => e[1] !== undefined));
}
