import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { executeRun } from '../engine/executor.js';
import { additionItems, count, entry, eventLog, planFor, tempWorkspace } from '../engine/test-support/engine-fixtures.js';
import { createAdapter } from '../models/create-adapter.js';
import { getRun } from '../store/sqlite/runs-repo.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import { startRedis, type RedisServer } from '../test-support/redis-server.js';
import { executeQueuedRun } from './coordinator.js';
import { KEY_PREFIX, REGISTRY_KEY } from './queue-protocol.js';
import { monitorRedis, specEntry, startWorkers, targetOf, waitFor } from './test-support/queue-fixtures.js';

const TEMPLATES = Array.from({ length: 10 }, (_, i) => `addition-${String(i + 1).padStart(2, '0')}`);

let redis: RedisServer;
let server: ModelServer;
beforeAll(async () => {
  redis = await startRedis();
  server = await startModelServer({
    faultFor: (request) => (request.prompt.includes('FAIL-400') ? { kind: 'status', status: 400 } : null),
  });
});
afterAll(async () => {
  await server?.close();
  await redis?.stop();
});

async function redisKeys(): Promise<string[]> {
  const q = new Queue('control', { connection: { host: '127.0.0.1', port: redis.port }, prefix: KEY_PREFIX, skipMetasUpdate: true });
  const client = await q.getBackend().client;
  const [, keys] = await client.scan(0, { MATCH: '*', COUNT: 10_000 });
  await q.close();
  return keys;
}

describe('executeQueuedRun with in-process workers', () => {
  it('runs every trial once through the queue, the same summary and events as a local run, and leaves nothing in Redis', async () => {
    const { db } = tempWorkspace();
    const items = await additionItems(30, 'queue-basic');
    const model = await specEntry('m', 'openai-compatible completion', server.url, { concurrency: { start: 8, floor: 1, ceiling: 16 } });
    const plan = planFor(items, [model], { templateIds: TEMPLATES });
    const before = server.requestCount;
    const workers = startWorkers(2, targetOf(redis.url));
    const log = eventLog();
    const summary = await executeQueuedRun(db, { runId: 'q1', models: [model], trials: plan, onEvent: log.onEvent }, { target: targetOf(redis.url) });
    const workerSummaries = await workers.stop();

    expect(summary.status, summary.reason).toBe('completed');
    expect(summary).toMatchObject({ status: 'completed', total: 300, done: 300, answered: 300, errors: 0, cached: 0, sessionTrials: 300, sessionRequests: 300 });
    expect(server.requestCount - before).toBe(300);
    expect(count(db, "SELECT COUNT(*) AS n FROM trials WHERE run_id = 'q1' AND status = 'answered' AND text LIKE 'echo: %' AND attempts = 1")).toBe(300);
    expect(count(db, "SELECT COUNT(DISTINCT item_id || template_id || sample) AS n FROM trials WHERE run_id = 'q1'")).toBe(300);
    expect(getRun(db, 'q1')?.status).toBe('completed');
    expect(log.of('run-start')).toEqual([{ type: 'run-start', runId: 'q1', total: 300, alreadyDone: 0 }]);
    expect(log.of('trial-done').map((e) => e.done)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(log.of('run-end')[0]).toMatchObject({ status: 'completed', done: 300, total: 300 });
    expect(workerSummaries.reduce((n, w) => n + w.trials, 0)).toBe(300);
    expect((await redisKeys()).filter((k) => !k.endsWith(':limiter'))).toEqual([]); // queues deleted, run withdrawn (a rate-limit window expires by itself)

    // the same plan again under a new run id: every answer comes from the coordinator's cache, nothing is enqueued
    const again = await executeQueuedRun(db, { runId: 'q2', models: [model], trials: plan }, { target: targetOf(redis.url) });
    expect(again).toMatchObject({ status: 'completed', done: 300, cached: 300, sessionRequests: 0 });
    expect(server.requestCount - before).toBe(300);
  });

  it('records non-retryable errors, retries retryable ones through the queue, and counts requests like the local engine', async () => {
    const { db } = tempWorkspace();
    const items = await additionItems(5, 'queue-faults');
    const faulty = { ...items[0]!, id: `${items[0]!.id}-x`, input: { ...items[0]!.input, a: 'FAIL-400' } };
    const model = await specEntry('m', 'openai-compatible completion', server.url, { maxRetries: 3 });
    const plan = planFor([...items, faulty], [model], { templateIds: ['addition-01', 'addition-02'] });
    server.enqueueFaults({ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'reset' });
    const workers = startWorkers(1, targetOf(redis.url));
    const summary = await executeQueuedRun(db, { runId: 'faults', models: [model], trials: plan, backoff: { baseMs: 5, capMs: 20 } }, { target: targetOf(redis.url) });
    await workers.stop();
    expect(summary).toMatchObject({ status: 'completed', total: 12, done: 12, answered: 10, errors: 2 });
    expect(summary.sessionRequests).toBe(15); // 12 trials + 3 retried faults
    expect(count(db, "SELECT COUNT(*) AS n FROM trials WHERE run_id = 'faults' AND status = 'error' AND error_code = 'BAD_REQUEST' AND attempts = 1")).toBe(2);
    expect(count(db, "SELECT SUM(attempts) AS n FROM trials WHERE run_id = 'faults'")).toBe(15);
  });

  it('fails the run with one line naming the fix when a worker cannot build the adapter; the key never reaches Redis', async () => {
    const key = 'sk-queue-SECRET-7f3a9c1e55';
    const keyed = await startModelServer({ apiKey: key });
    const monitor = await monitorRedis(redis.port);
    try {
      const { db } = tempWorkspace();
      const items = await additionItems(4, 'queue-keys');
      const env = { OPENAI_API_KEY: key, OPENAI_BASE_URL: `${keyed.url}/v1` };
      const model = entry('gpt', await createAdapter('openai:gpt-4o-mini', env), { spec: 'openai:gpt-4o-mini' });
      const plan = planFor(items, [model], { templateIds: ['addition-01'] });

      // a worker without the key: the run fails, saying which worker and which variable
      const keyless = startWorkers(1, targetOf(redis.url), { env: { OPENAI_BASE_URL: `${keyed.url}/v1` }, name: 'keyless' });
      const failed = await executeQueuedRun(db, { runId: 'keys', models: [model], trials: plan }, { target: targetOf(redis.url) });
      await keyless.stop();
      expect(failed.status).toBe('failed');
      expect(failed.reason).toMatch(/^gpt \(openai:gpt-4o-mini\): worker keyless: .*set the OPENAI_API_KEY environment variable; fix that worker's environment .* resume$/);
      expect(failed.done).toBe(0);

      // a worker with the key (from its own environment) finishes the same run
      const keyedWorker = startWorkers(1, targetOf(redis.url), { env });
      const resumed = await executeQueuedRun(db, { runId: 'keys', models: [model], trials: plan }, { target: targetOf(redis.url) });
      await keyedWorker.stop();
      expect(resumed).toMatchObject({ status: 'completed', done: 4, answered: 4 });
      expect(keyed.requests.every((r) => r.headers['authorization'] === `Bearer ${key}`)).toBe(true);
      await waitFor(() => monitor.text().includes(REGISTRY_KEY), 'monitor output');
      expect(monitor.text()).toContain('echo: '); // the monitor saw the results go through
      expect(monitor.text()).not.toContain(key);
    } finally {
      monitor.stop();
      await keyed.close();
    }
  });

  it('a graceful stop records the trials in progress and keeps the rest in Redis; resuming finishes with each trial once', async () => {
    const slow = await startModelServer({ faultFor: () => ({ kind: 'delay', ms: 20 }) });
    try {
      const { db } = tempWorkspace();
      const items = await additionItems(40, 'queue-stop');
      const model = await specEntry('m', 'openai-compatible completion', slow.url);
      const plan = planFor(items, [model], { templateIds: TEMPLATES });
      const workers = startWorkers(2, targetOf(redis.url), { concurrency: 4 });
      const stop = new AbortController();
      const first = executeQueuedRun(db, { runId: 'stop', models: [model], trials: plan, stop: stop.signal }, { target: targetOf(redis.url) });
      await waitFor(() => count(db, "SELECT COUNT(*) AS n FROM trials WHERE run_id = 'stop'") >= 50, '50 trials');
      stop.abort();
      const stopped = await first;
      expect(stopped.status).toBe('stopped');
      expect(stopped.done).toBeLessThan(400);
      const asked = slow.requestCount;
      expect(asked).toBe(stopped.done); // nothing was asked that was not recorded

      const resumed = await executeQueuedRun(db, { runId: 'stop', models: [model], trials: plan }, { target: targetOf(redis.url) });
      await workers.stop();
      expect(resumed).toMatchObject({ status: 'completed', total: 400, done: 400, answered: 400 });
      expect(slow.requestCount).toBe(400);
      expect(new Set(slow.requests.map((r) => r.prompt)).size).toBe(400);
    } finally {
      await slow.close();
    }
  });

  it('matches a local run trial for trial (same texts, tokens, costs)', async () => {
    const items = await additionItems(10, 'queue-same');
    const model = await specEntry('m', 'openai-compatible chat', server.url, { pricing: { inputPerMTok: 1, outputPerMTok: 2 }, cache: false });
    const plan = planFor(items, [model], { templateIds: ['addition-03', 'addition-04'] });
    const local = tempWorkspace();
    await executeRun(local.db, { runId: 'same', models: [model], trials: plan });
    const queued = tempWorkspace();
    const workers = startWorkers(1, targetOf(redis.url));
    const summary = await executeQueuedRun(queued.db, { runId: 'same', models: [model], trials: plan }, { target: targetOf(redis.url) });
    await workers.stop();
    const rows = (db: typeof local.db) =>
      db.prepare("SELECT item_id, template_id, sample, mode, prompt, status, text, finish_reason, input_tokens, output_tokens, cost_usd, attempts, cached FROM trials WHERE run_id = 'same' ORDER BY 1, 2, 3").all();
    expect(summary.costUsd).toBeGreaterThan(0);
    expect(rows(queued.db)).toEqual(rows(local.db));
  });
});
