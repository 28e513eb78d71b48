import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAsync } from '../test-support/run-cli.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import { startRedis, type RedisServer } from '../test-support/redis-server.js';
import { spawnWorker, waitFor, type WorkerProcess } from './test-support/queue-fixtures.js';

const WINDOW_MS = 5_000;

/** The most requests that arrived within any WINDOW_MS-long stretch (arrival times sorted). */
function maxInWindow(times: readonly number[]): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= WINDOW_MS) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('one rate limit per model across all workers', () => {
  let redis: RedisServer;
  let server: ModelServer;
  let workers: WorkerProcess[] = [];
  const arrivals: number[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    server = await startModelServer({
      faultFor: () => {
        arrivals.push(performance.now()); // the server's own clock, when each request arrives
        return null;
      },
    });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await server?.close();
    await redis?.stop();
  });

  it('--rate-limit 100 with 3 workers: the server never sees more than 105 requests/s over any 5-second window', async () => {
    workers = [1, 2, 3].map(() => spawnWorker(['--queue', redis.url, '--concurrency', '32']));
    await waitFor(() => workers.every((w) => w.output().includes('connected to')), 'the workers to connect');
    const run = await runCliAsync(
      ['run', '--queue', redis.url, '--rate-limit', '100', '--model', `openai-compatible:${server.url}/v1#m?mode=completion`,
        '--domains', 'addition', '--per-domain', '160', '--templates', 'addition-01,addition-02,addition-03,addition-04,addition-05,addition-06,addition-07,addition-08,addition-09,addition-10',
        '--workspace', 'ws.sqlite', '--quiet'],
      { cwd: mkdtempSync(join(tmpdir(), 'rb-queue-rate-')), timeoutMs: 220_000 },
    );
    const served = await Promise.all(workers.map((w) => w.stop()));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/completed — 1600\/1600 trials/);
    expect(served).toEqual([0, 0, 0]);
    const perWorker = workers.map((w) => Number(/stopped — (\d+) trials/.exec(w.output())?.[1] ?? 0));
    expect(perWorker.reduce((a, b) => a + b, 0)).toBe(1_600);
    expect(perWorker.every((n) => n > 0), `every worker took trials: ${perWorker.join(', ')}`).toBe(true);

    expect(arrivals).toHaveLength(1_600);
    const busiest = maxInWindow(arrivals);
    const spanS = ((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)) / 1000;
    console.log(`rate limit test: at most ${busiest} requests in any 5 s window (${(busiest / 5).toFixed(1)}/s), 1600 requests over ${spanS.toFixed(1)} s (${(1_600 / spanS).toFixed(1)}/s), per worker ${perWorker.join(', ')}`);
    expect(busiest).toBeLessThanOrEqual(105 * 5);
  }, 240_000);
});
