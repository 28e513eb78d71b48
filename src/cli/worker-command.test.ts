import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCliAsync } from '../test-support/run-cli.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import { freePort, startRedis, type RedisServer } from '../test-support/redis-server.js';
import { spawnWorker } from '../queue/test-support/queue-fixtures.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'rb-worker-'));
const PASSWORD = 'queue-pass-5e0c1b7d';

describe('reliabench worker: one line that names the fix', () => {
  let locked: RedisServer;
  beforeAll(async () => {
    locked = await startRedis({ password: PASSWORD });
  });
  afterAll(async () => {
    await locked?.stop();
  });

  const errorLine = async (args: string[], env: Record<string, string | undefined> = {}) => {
    const r = await runCliAsync(['worker', ...args], { cwd: tmp(), env: { REDIS_PASSWORD: undefined, ...env }, timeoutMs: 60_000 });
    const lines = r.stderr.trim().split('\n').filter((l) => l.length > 0);
    return { status: r.status, lines, all: `${r.stdout}${r.stderr}` };
  };

  it('an unreachable Redis: connection refused, and how to start one', async () => {
    const port = await freePort();
    const r = await errorLine(['--queue', `redis://127.0.0.1:${port}`]);
    expect(r.status).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toBe(
      `reliabench: error: cannot reach Redis at redis://127.0.0.1:${port}: connection refused; is redis-server running there? start it with \`redis-server --port ${port}\` (add --requirepass and --bind to accept other machines) or point --queue at a running one`,
    );
  }, 120_000);

  it('a password-protected Redis without the password: where to put it', async () => {
    const r = await errorLine(['--queue', locked.url]);
    expect(r.status).toBe(2);
    expect(r.lines).toEqual([`reliabench: error: Redis at ${locked.url} needs a password: put it in the URL as redis://:PASSWORD@host:port or set REDIS_PASSWORD`]);
  }, 120_000);

  it('a wrong password: refused, and the password is never printed', async () => {
    const r = await errorLine(['--queue', `redis://:not-${PASSWORD}@127.0.0.1:${locked.port}`]);
    expect(r.status).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^reliabench: error: Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ refused the password \(WRONGPASS .*\): check the password in the URL or REDIS_PASSWORD$/);
    expect(r.all).not.toContain(PASSWORD);
  }, 120_000);

  it('not a Redis URL', async () => {
    const r = await errorLine(['--queue', `127.0.0.1:${locked.port}`]);
    expect(r.status).toBe(2);
    expect(r.lines).toEqual([`reliabench: error: --queue 127.0.0.1:${locked.port}: not a redis:// or rediss:// URL; write it like redis://127.0.0.1:6379 (password: redis://:PASSWORD@host:port or REDIS_PASSWORD)`]);
  }, 120_000);

  it('--rate-limit without --queue is refused by run', async () => {
    const r = await runCliAsync(['run', '--rate-limit', '10', '--domains', 'addition', '--per-domain', '1'], { cwd: tmp() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--rate-limit applies to runs on a queue: add --queue redis:\/\/HOST:PORT/);
  }, 120_000);
});

describe('reliabench run --queue with a reliabench worker process', () => {
  let redis: RedisServer;
  let server: ModelServer;
  beforeAll(async () => {
    redis = await startRedis({ password: PASSWORD });
    server = await startModelServer();
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('stores every trial once, prints the same summary as a local run, and never prints the Redis password', async () => {
    const cwd = tmp();
    const worker = spawnWorker(['--queue', redis.url, '--concurrency', '4'], { REDIS_PASSWORD: PASSWORD });
    const run = await runCliAsync(
      ['run', '--queue', `redis://:${PASSWORD}@127.0.0.1:${redis.port}`, '--model', `openai-compatible:${server.url}/v1#echo-model`,
        '--domains', 'addition', '--per-domain', '3', '--workspace', 'ws.sqlite'],
      { cwd, timeoutMs: 120_000 },
    );
    const code = await worker.stop();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/completed — 45\/45 trials \(45 answered, 0 errors, 0 from cache\), \d+ tokens.*, 45 requests in/);
    expect(run.stderr).toContain(`trials go to the queue at redis://:***@127.0.0.1:${redis.port}; start workers (here or on other machines) with: reliabench worker --queue`);
    expect(code).toBe(0);
    expect(worker.output()).toMatch(/stopped — 45 trials \(0 errors\)/);
    expect(`${run.stdout}${run.stderr}${worker.output()}`).not.toContain(PASSWORD);
    const db = new Database(join(cwd, 'ws.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT item_id || template_id) AS k FROM trials WHERE status = 'answered'").get() as { n: number; k: number };
    db.close();
    expect(rows).toEqual({ n: 45, k: 45 });
  }, 120_000);
});
