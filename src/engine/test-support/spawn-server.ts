import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerProcessConfig, ServerProcessMessage } from './server-process.js';

const ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface ServerStats {
  requestCount: number;
  faulted: number;
  /** CPU time the server process has used so far. */
  cpuMicros: number;
  perPrompt?: Map<string, number>;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stats(options?: { perPrompt?: boolean }): Promise<ServerStats>;
  close(): Promise<void>;
}

/** Starts the model server in a child process (server-process.ts) and waits until it listens. */
export async function spawnModelServer(config: ServerProcessConfig = {}): Promise<ServerProcess> {
  const child = fork(ENTRY, [JSON.stringify(config)], { execArgv: ['--import', TSX], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`model server process exited early with code ${code}`)));
    child.on('message', (m: ServerProcessMessage) => {
      if (m.type === 'ready') resolve(m.url);
    });
  });
  child.removeAllListeners('exit');
  return {
    url,
    child,
    stats: (options = {}) =>
      new Promise((resolve) => {
        const onMessage = (m: ServerProcessMessage): void => {
          if (m.type !== 'stats') return;
          child.off('message', onMessage);
          resolve({ requestCount: m.requestCount, faulted: m.faulted, cpuMicros: m.cpuMicros, ...(m.perPrompt === undefined ? {} : { perPrompt: new Map(m.perPrompt) }) });
        };
        child.on('message', onMessage);
        child.send({ type: 'stats', perPrompt: options.perPrompt === true });
      }),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      }),
  };
}
