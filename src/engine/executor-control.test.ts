import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getRun } from '../store/sqlite/runs-repo.js';
import { iterateTrials } from '../store/sqlite/trials-repo.js';
import { adapterFor } from '../test-support/model-server/adapters-under-test.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import { executeRun } from './executor.js';
import { adapterAt, additionItems, count, entry, eventLog, FAST_BACKOFF, planFor, tempWorkspace } from './test-support/engine-fixtures.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const ALL = Array.from({ length: 15 }, (_, i) => `addition-${String(i + 1).padStart(2, '0')}`);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('Retry-After', () => {
  it('pauses every new request to the model until the time the server asked for', async () => {
    const arrivals: number[] = [];
    server = await startModelServer({
      faultFor: () => {
        arrivals.push(performance.now());
        // the others answer late enough that the client surely sees the 429 first
        return arrivals.length === 1 ? { kind: 'status', status: 429, retryAfter: '0.4' } : { kind: 'delay', ms: 150 };
      },
    });
    const { db } = tempWorkspace();
    const model = entry('m', await adapterFor('openai chat', server), { concurrency: { start: 4, floor: 4, ceiling: 4 } });
    const log = eventLog();
    const summary = await executeRun(db, { runId: 'r', models: [model], trials: planFor(await additionItems(1), [model], { templateIds: ALL.slice(0, 8) }), backoff: FAST_BACKOFF, onEvent: log.onEvent });
    expect(summary).toMatchObject({ status: 'completed', answered: 8, sessionRequests: 9 });
    expect(log.of('paused')).toHaveLength(1);
    const first = arrivals[0]!;
    // requests 1-3 were already in flight; every request sent after the 429 waited ≥ 400 ms
    const later = arrivals.slice(4);
    expect(later).toHaveLength(5);
    for (const at of later) expect(at - first).toBeGreaterThanOrEqual(395);
    expect(Math.min(...later) - first).toBeLessThan(400 + 40 + 1_000); // waited the pause (+ ≤ 10% jitter), not much more (slack for a loaded machine)
    expect([...iterateTrials(db, 'r')].find((t) => t.attempts === 2)).toBeDefined();
  });
});

describe('adaptive concurrency', () => {
  it('halves on 429 and grows back to the ceiling; a new trial starts only under the current limit', async () => {
    let active = 0;
    let maxActive = 0;
    let n = 0;
    server = await startModelServer({
      faultFor: () => (++n >= 40 && n < 44 ? { kind: 'status', status: 429 } : null),
      responder: async (r) => {
        maxActive = Math.max(maxActive, ++active);
        await sleep(40);
        active--;
        return `ok ${r.index}`;
      },
    });
    const inner = await adapterFor('anthropic', server);
    let limit = 8;
    let generating = 0;
    const asked = new Set<string>();
    const starts: { generating: number; limit: number }[] = [];
    const watched = {
      provider: inner.provider, modelId: inner.modelId, mode: inner.mode,
      generate: async (...args: Parameters<typeof inner.generate>) => {
        generating++;
        if (!asked.has(args[0].prompt)) starts.push({ generating, limit }); // a trial's first request
        asked.add(args[0].prompt);
        try {
          return await inner.generate(...args);
        } finally {
          generating--;
        }
      },
    };
    const { db } = tempWorkspace();
    const model = entry('m', watched, { concurrency: { start: 8, floor: 2, ceiling: 8 } });
    const changes: { limit: number; reason: string }[] = [];
    const summary = await executeRun(db, {
      runId: 'r', models: [model], trials: planFor(await additionItems(16), [model], { templateIds: ALL }), backoff: FAST_BACKOFF, growAfter: (l) => 3 * l,
      onEvent: (e) => {
        if (e.type !== 'concurrency') return;
        limit = e.limit;
        changes.push({ limit: e.limit, reason: e.reason });
      },
    });
    expect(summary).toMatchObject({ status: 'completed', answered: 240, errors: 0 });
    const cut = changes.findIndex((c) => c.reason === 'backoff');
    expect(changes[cut]!.limit).toBe(4); // four 429s in one congestion window: one cut, not four
    expect(changes.slice(cut + 1).map((c) => c.limit).slice(-4)).toEqual([5, 6, 7, 8]);
    for (const s of starts) expect(s.generating).toBeLessThanOrEqual(s.limit);
    expect(starts.filter((s) => s.limit === 4).length).toBeGreaterThan(0);
    expect(maxActive).toBe(8);
  });
});

describe('timeouts', () => {
  it('a model that never answers gives TIMEOUT errors after the retries, recorded as errors', async () => {
    server = await startModelServer({ faultFor: (r) => (r.prompt.includes('Calculate') ? { kind: 'hang' } : null) });
    const { db } = tempWorkspace();
    const model = entry('m', await adapterFor('ollama completion', server), { timeoutMs: 100, maxRetries: 2 });
    const t0 = performance.now();
    const summary = await executeRun(db, { runId: 'r', models: [model], trials: planFor(await additionItems(2), [model], { templateIds: ['addition-01', 'addition-08'] }), backoff: FAST_BACKOFF });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(300);
    expect(summary).toMatchObject({ status: 'completed', answered: 2, errors: 2 });
    const errors = [...iterateTrials(db, 'r')].filter((t) => t.status === 'error');
    expect(errors.map((e) => [e.errorCode, e.attempts, e.text])).toEqual([['TIMEOUT', 3, null], ['TIMEOUT', 3, null]]);
    expect(errors[0]!.errorMessage).toMatch(/before the request deadline/);
  });
});

describe('error budget', () => {
  it('an unreachable server fails the run in moments, with a reason that names the model and the fix', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const { db } = tempWorkspace();
    const model = entry('local', await adapterAt('openai-compatible chat', url), { concurrency: { start: 16, floor: 1, ceiling: 16 }, maxRetries: 5 });
    const plan = planFor(await additionItems(700), [model]);
    expect(plan.total).toBe(10_500);
    const t0 = performance.now();
    const summary = await executeRun(db, { runId: 'r', models: [model], trials: plan });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(summary.status).toBe('failed');
    expect(summary.reason).toMatch(/^local \(openai-compatible:my-model\): 5 requests in a row failed before any succeeded \(last: NETWORK: .*cannot reach http:\/\/127\.0\.0\.1:\d+.*\); fix the model spec, key or server and resume the run$/);
    expect(summary.sessionRequests).toBeLessThanOrEqual(16 + 5);
    expect(count(db, 'SELECT COUNT(*) AS n FROM trials')).toBe(0); // nothing to record: the trials stay to do
    expect(getRun(db, 'r')).toMatchObject({ status: 'failed', statusReason: summary.reason });
  });

  it('a rejected key fails the run after a handful of requests', async () => {
    server = await startModelServer({ apiKey: 'sk-the-right-one' });
    const { db } = tempWorkspace();
    const model = entry('m', await adapterFor('openai-compatible chat', server), { concurrency: { start: 2, floor: 1, ceiling: 2 } });
    const summary = await executeRun(db, { runId: 'r', models: [model], trials: planFor(await additionItems(100), [model]) });
    expect(summary.status).toBe('failed');
    expect(summary.reason).toMatch(/AUTH: .*HTTP 401/);
    expect(server.requestCount).toBeLessThanOrEqual(6);
  });
});

describe('stopping', () => {
  it('Ctrl+C (abort) cancels what is in flight, records no CANCELLED rows, and the run resumes to exactly the plan', async () => {
    // uneven answer times, so requests are in flight whenever the 50th trial is stored
    server = await startModelServer({ faultFor: (r) => ({ kind: 'delay', ms: 10 + (r.index % 7) * 7 }) });
    const { db } = tempWorkspace();
    const model = entry('m', await adapterFor('ollama chat', server), { concurrency: { start: 8, floor: 8, ceiling: 8 } });
    const plan = planFor(await additionItems(20), [model]);
    const controller = new AbortController();
    const stopped = await executeRun(db, {
      runId: 'r', models: [model], trials: plan, signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'trial-done' && e.done === 50) controller.abort();
      },
    });
    expect(stopped.status).toBe('stopped');
    expect(stopped.reason).toMatch(/^stopped with \d+ of 300 trials to do; resume the run to finish them$/);
    expect(stopped.done).toBeGreaterThanOrEqual(50);
    expect(stopped.done).toBeLessThan(70);
    expect(count(db, "SELECT COUNT(*) AS n FROM trials WHERE status = 'error'")).toBe(0);
    expect(getRun(db, 'r')?.status).toBe('stopped');
    const cancelledRequests = server.requestCount - stopped.done;
    expect(cancelledRequests).toBeGreaterThan(0); // requests were in flight and cut off
    expect(cancelledRequests).toBeLessThanOrEqual(8);

    const resumed = await executeRun(db, { runId: 'r', models: [model], trials: plan });
    expect(resumed).toMatchObject({ status: 'completed', done: 300, answered: 300, errors: 0 });
    expect(count(db, 'SELECT COUNT(*) AS n FROM trials')).toBe(300);
    expect(server.requestCount).toBe(300 + cancelledRequests);
  });

  it('a graceful stop sends nothing new but lets requests in flight finish and records them', async () => {
    server = await startModelServer({ faultFor: () => ({ kind: 'delay', ms: 20 }) });
    const { db } = tempWorkspace();
    const model = entry('m', await adapterFor('ollama chat', server), { concurrency: { start: 8, floor: 8, ceiling: 8 } });
    const stop = new AbortController();
    const summary = await executeRun(db, {
      runId: 'r', models: [model], trials: planFor(await additionItems(20), [model]), stop: stop.signal,
      onEvent: (e) => {
        if (e.type === 'trial-done' && e.done === 30) stop.abort();
      },
    });
    expect(summary.status).toBe('stopped');
    expect(summary.done).toBe(server.requestCount); // every request sent was recorded: nothing wasted
    expect(summary.done).toBeGreaterThan(30);
  });
});
