import { afterEach, describe, expect, it } from 'vitest';
import { iterateTrials } from '../store/sqlite/trials-repo.js';
import type { Fault } from '../test-support/model-server/faults.js';
import { executeRun } from './executor.js';
import { adapterAt, additionItems, count, entry, eventLog, FAST_BACKOFF, planFor, tempWorkspace, watchAnswers } from './test-support/engine-fixtures.js';
import { spawnModelServer, type ServerProcess } from './test-support/spawn-server.js';

let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FAULTS: Fault[] = [
  { kind: 'status', status: 429, retryAfter: '0.02' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 }, // starts a burst of three
  { kind: 'hang' },
  { kind: 'malformed-json' },
  { kind: 'truncated' },
  { kind: 'reset' },
  { kind: 'missing-fields' },
  { kind: 'status', status: 400, message: 'this prompt is rejected' },
];

const FIRST_TEN = Array.from({ length: 10 }, (_, i) => `addition-${String(i + 1).padStart(2, '0')}`);

describe('executeRun under faults', () => {
  it('10,000 trials with 20% injected faults: every trial answered or recorded as an error, none lost, none twice', async () => {
    // the server runs in its own process, so its CPU does not slow the engine's timeouts
    server = await spawnModelServer({ faultRate: 0.2, faults: FAULTS, burst503: 2, seed: 2024 });
    const { db } = tempWorkspace();
    const options = { concurrency: { start: 32, floor: 8, ceiling: 64 }, timeoutMs: 300, maxRetries: 3 };
    // two adapters on plain fetch (the AI SDK ones cost twice the CPU per request; executor.test.ts covers them)
    const chatWatch = watchAnswers(await adapterAt('ollama chat', server.url));
    const rawWatch = watchAnswers(await adapterAt('openai-compatible completion', server.url));
    const chat = entry('chat', chatWatch.adapter, options);
    const raw = entry('raw', rawWatch.adapter, options);
    const plan = planFor(await additionItems(500, 77), [chat, raw], { templateIds: FIRST_TEN });
    expect(plan.total).toBe(10_000);
    const prompts = new Set([...plan].map((t) => t.prompt));
    expect(prompts.size).toBe(10_000); // one prompt per trial, so the server's counts are per trial

    const log = eventLog();
    const summary = await executeRun(db, { runId: 'faults', models: [chat, raw], trials: plan, backoff: FAST_BACKOFF, onEvent: log.onEvent });
    const stats = await server.stats({ perPrompt: true });

    // every planned trial has exactly one row, answered or error
    expect(summary).toMatchObject({ status: 'completed', total: 10_000, done: 10_000 });
    expect(count(db, 'SELECT COUNT(*) AS n FROM trials')).toBe(10_000);
    expect(count(db, "SELECT COUNT(DISTINCT model_key || '/' || item_id || '/' || template_id || '/' || sample) AS n FROM trials")).toBe(10_000);
    const trials = [...iterateTrials(db, 'faults')];
    expect(new Set(trials.map((t) => t.prompt))).toEqual(prompts);
    expect(summary.answered + summary.errors).toBe(10_000);

    // answers belong to their own trial; errors are errors (never answers), recorded after their retries;
    // every request the server saw is a counted attempt of its trial, so none came after the trial's result
    // (an attempt can fail before reaching the server, e.g. a timeout while connecting, hence ≤)
    for (const t of trials) {
      expect(stats.perPrompt?.get(t.prompt) ?? 0).toBeLessThanOrEqual(t.attempts);
      if (t.status === 'answered') {
        const echo = `echo: ${t.prompt}`;
        expect(t.text).toBe(t.mode === 'completion' ? echo.slice(0, echo.indexOf('\n\n')) : echo); // the stop rule cut the run-on
        expect(t.errorCode).toBeNull();
      } else {
        expect(t.text).toBeNull();
        if (t.errorCode === 'BAD_REQUEST') expect(t.errorMessage).toMatch(/this prompt is rejected/);
        else expect(t.attempts).toBe(4);
      }
    }
    expect(count(db, "SELECT COUNT(*) AS n FROM trials WHERE error_code = 'CANCELLED'")).toBe(0);
    expect(count(db, "SELECT COUNT(*) AS n FROM trials WHERE status = 'error' AND error_code <> 'BAD_REQUEST'")).toBeGreaterThan(0);
    const attempts = trials.reduce((s, t) => s + t.attempts, 0);
    expect(summary.sessionRequests).toBe(attempts);
    expect(stats.requestCount).toBeLessThanOrEqual(attempts);
    expect(stats.requestCount).toBeGreaterThan(attempts * 0.95);
    expect(chatWatch.violations() + rawWatch.violations()).toBe(0);
    expect(stats.faulted / stats.requestCount).toBeGreaterThan(0.19);

    // the engine reacted: retries, Retry-After pauses, concurrency cut on 429/503 and grown back, never below the floor
    expect(log.of('retry').length).toBeGreaterThan(1_500);
    expect(log.of('paused').length).toBeGreaterThan(50);
    const changes = log.of('concurrency');
    expect(changes.some((c) => c.reason === 'backoff')).toBe(true);
    expect(changes.some((c) => c.reason === 'grow')).toBe(true);
    expect(Math.min(...changes.map((c) => c.limit))).toBeGreaterThanOrEqual(8);
  }, 180_000); // ~30 s on an idle 2-core machine; generous for a loaded one
});
