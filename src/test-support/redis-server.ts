import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

/**
 * A real redis-server (Debian's, installed by .ci/run) on 127.0.0.1 and a free port, without
 * persistence (`--save '' --appendonly no`), for queue tests. `restart()` kills it and starts a new one
 * on the same port: like a crashed Redis without persistence, every key is gone.
 */
export interface RedisServer {
  port: number;
  /** redis://127.0.0.1:PORT (the password, if any, is not in it). */
  url: string;
  password: string | undefined;
  /** The redis-server process id (for CPU measurements), while it runs. */
  pid(): number | undefined;
  /** Kills it with SIGKILL (a crash). */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const REDIS_SERVER = process.env['REDIS_SERVER_BIN'] ?? 'redis-server';

export async function startRedis(options: { password?: string } = {}): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined = await launch(port, options.password);
  const kill = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (c === undefined || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    password: options.password,
    pid: () => child?.pid,
    kill,
    restart: async () => {
      await kill();
      child = await launch(port, options.password);
    },
    stop: kill,
  };
}

async function launch(port: number, password: string | undefined): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no', ...(password === undefined ? [] : ['--requirepass', password])];
  const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const reap = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', reap); // never leave a redis-server behind a crashed test
  child.once('exit', () => process.off('exit', reap));
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`cannot start ${REDIS_SERVER} (install Debian's redis-server): ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`${REDIS_SERVER} exited with ${code}: ${output.slice(-500)}`)));
  });
  failed.catch(() => {});
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${REDIS_SERVER} did not listen on port ${port} within 10 s: ${output.slice(-500)}`);
    }
    await Promise.race([new Promise((r) => setTimeout(r, 25)), failed]);
  }
  return child;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
