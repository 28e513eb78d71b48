import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { entry } from '../../engine/test-support/engine-fixtures.js';
import type { ModelEntry } from '../../engine/run-types.js';
import { createAdapter } from '../../models/create-adapter.js';
import { HTTP_ADAPTERS, type HttpAdapterName } from '../../test-support/model-server/adapters-under-test.js';
import { REPO_ROOT } from '../../test-support/paths.js';
import { runQueueWorker, type QueueWorkerOptions, type QueueWorkerSummary } from '../queue-worker.js';
import { parseRedisUrl, type RedisTarget } from '../redis-url.js';

const TSX = import.meta.resolve('tsx');

/** In-process workers (fast to start) for tests about the protocol rather than processes. */
export function startWorkers(count: number, target: RedisTarget, over: Partial<QueueWorkerOptions> = {}): { stop(): Promise<QueueWorkerSummary[]>; logs: string[] } {
  const stop = new AbortController();
  const logs: string[] = [];
  const running = Array.from({ length: count }, (_, i) =>
    runQueueWorker({ target, concurrency: 8, pollMs: 100, lockMs: 30_000, name: `test-worker-${i + 1}`, stop: stop.signal, onLog: (line) => logs.push(line), ...over }),
  );
  return {
    logs,
    stop: async () => {
      stop.abort();
      return Promise.all(running);
    },
  };
}

/** A model entry whose spec is the real spec string (workers build their adapter from it) for an adapter fixture at `url`. */
export async function specEntry(key: string, name: HttpAdapterName, url: string, over: Partial<ModelEntry> = {}): Promise<ModelEntry> {
  const fixture = HTTP_ADAPTERS.find((a) => a.name === name);
  if (fixture === undefined) throw new Error(`no adapter fixture ${name}`);
  const spec = fixture.spec(url);
  // a generous request timeout: these tests share 2 cores with the rest of the suite
  return entry(key, await createAdapter(spec, fixture.env(url)), { spec, timeoutMs: 30_000, ...over });
}

export function targetOf(url: string, password?: string): RedisTarget {
  return parseRedisUrl(url, password === undefined ? {} : { REDIS_PASSWORD: password });
}

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** SIGTERM (graceful) and wait for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

/** `reliabench worker` from source in its own process, as a person would start it on another machine. */
export function spawnWorker(args: readonly string[], env: Record<string, string | undefined> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), 'worker', ...args], {
    env: Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1', ...env }).filter((e): e is [string, string] => e[1] !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const reap = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', reap);
  void exited.then(() => process.off('exit', reap));
  return {
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Resolves once `check` is true (polled), or rejects after `timeoutMs` with `what`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Everything any client sends to Redis while it runs (Redis MONITOR), to prove what never reaches it.
 * `text()` is the raw protocol stream, commands and arguments included.
 */
export async function monitorRedis(port: number, password?: string): Promise<{ text(): string; stop(): void }> {
  const socket = connect({ host: '127.0.0.1', port });
  let text = '';
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
  socket.write(`${password === undefined ? '' : `AUTH ${password}\r\n`}MONITOR\r\n`);
  await waitFor(() => text.includes('+OK'), 'MONITOR to start', 5_000);
  return { text: () => text, stop: () => socket.destroy() };
}
