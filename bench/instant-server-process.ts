/** Starts bench/instant-server.ts in its own Node process and talks to it over IPC. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./instant-server.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface ServerStats {
  requests: number;
  cpuMicros: number;
  rssBytes: number;
}

export interface InstantServer {
  /** e.g. http://127.0.0.1:39123 — the OpenAI base URL is `${url}/v1`. */
  url: string;
  pid: number;
  stats(): Promise<ServerStats>;
  close(): Promise<void>;
}

export async function startInstantServer(): Promise<InstantServer> {
  const child = fork(ENTRY, [], { execArgv: ['--import', TSX], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`instant server exited early with code ${code}`)));
    child.on('message', (m: { type?: string; url?: string }) => {
      if (m.type === 'ready' && m.url) resolve(m.url);
    });
  });
  child.removeAllListeners('exit');
  return {
    url,
    pid: child.pid as number,
    stats: () =>
      new Promise((resolve) => {
        const onMessage = (m: { type?: string } & ServerStats): void => {
          if (m.type !== 'stats') return;
          child.off('message', onMessage);
          resolve({ requests: m.requests, cpuMicros: m.cpuMicros, rssBytes: m.rssBytes });
        };
        child.on('message', onMessage);
        child.send({ type: 'stats' });
      }),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      }),
  };
}
