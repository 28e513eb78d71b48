import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../store/sqlite/open-workspace.js';
import { iterateTrials } from '../store/sqlite/trials-repo.js';
import { getRun, getRunModels } from '../store/sqlite/runs-repo.js';
import { HTTP_ADAPTERS, adapterFor } from '../test-support/model-server/adapters-under-test.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import { executeRun } from './executor.js';
import { defaultSettings } from './stop-rule.js';
import { additionItems, count, entry, eventLog, planFor, tempWorkspace } from './test-support/engine-fixtures.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers like a base model that runs on into the next question (the stop rule must cut it). */
const answer = (prompt: string): string => `The sum is ${prompt.length}.\n\nWhat is 1 + 1?\nAnswer: 2`;

describe.each(HTTP_ADAPTERS.map((a) => a.name))('%s through the engine', (name) => {
  it('answers every trial and stores text, tokens, latency and cost', async () => {
    server = await startModelServer({ responder: (r) => answer(r.prompt) });
    const adapter = await adapterFor(name, server);
    const { db } = tempWorkspace();
    const items = await additionItems(3);
    const model = entry('m', adapter, { pricing: { inputPerMTok: 2, outputPerMTok: 8 } });
    const plan = planFor(items, [model], { templateIds: ['addition-01', 'addition-04', 'addition-12'] });
    const log = eventLog();
    const summary = await executeRun(db, { runId: 'run-1', models: [model], trials: plan, onEvent: log.onEvent });

    expect(summary).toMatchObject({ status: 'completed', total: 9, done: 9, answered: 9, errors: 0, cached: 0, sessionRequests: 9, unpriced: [] });
    expect(server.requestCount).toBe(9);
    const trials = [...iterateTrials(db, 'run-1')];
    expect(trials).toHaveLength(9);
    for (const t of trials) {
      const expected = adapter.mode === 'completion' ? `The sum is ${t.prompt.length}.` : answer(t.prompt);
      expect(t.text).toBe(expected);
      expect(t).toMatchObject({ status: 'answered', attempts: 1, cached: false, mode: adapter.mode, errorCode: null });
      expect(t.inputTokens).toBe(t.prompt.split(/\s+/).filter(Boolean).length);
      expect(t.outputTokens).toBe(expected.split(/\s+/).filter(Boolean).length);
      expect(t.costUsd).toBeCloseTo((t.inputTokens! * 2 + t.outputTokens! * 8) / 1e6, 12);
      expect(t.latencyMs).toBeGreaterThanOrEqual(0);
      expect(t.responseKey).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(summary.costUsd).toBeCloseTo(trials.reduce((s, t) => s + t.costUsd, 0), 12);
    // completion mode sends the stop rule (blank line, the template's cue); chat mode sends no stops
    for (const r of server.requests) {
      if (adapter.mode === 'completion') expect(r.settings.stop?.[0]).toBe('\n\n');
      else expect(r.settings.stop).toBeUndefined();
      expect(r.settings.temperature).toBe(0);
    }
    expect(log.of('run-start')).toEqual([{ type: 'run-start', runId: 'run-1', total: 9, alreadyDone: 0 }]);
    expect(log.of('trial-done').map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(log.of('run-end')[0]).toMatchObject({ status: 'completed', done: 9, total: 9, errors: 0 });
    expect(getRun(db, 'run-1')).toMatchObject({ status: 'completed', statusReason: null, totalTrials: 9 });
    expect(getRunModels(db, 'run-1')[0]).toMatchObject({ modelKey: 'm', provider: adapter.provider, modelId: adapter.modelId, mode: adapter.mode });
  });
});

describe('executeRun: cache, resume, prices', () => {
  it('a second run of the same plan is answered from the cache with zero requests; the default price table applies', async () => {
    server = await startModelServer();
    const adapter = await adapterFor('openai chat', server);
    const { db } = tempWorkspace();
    const model = entry('mini', adapter);
    const plan = planFor(await additionItems(4), [model], { templateIds: ['addition-01', 'addition-02'] });
    const first = await executeRun(db, { runId: 'a', models: [model], trials: plan });
    expect(first).toMatchObject({ status: 'completed', done: 8, sessionRequests: 8, unpriced: [] });
    expect(first.costUsd).toBeGreaterThan(0); // gpt-4o-mini is in the default table
    const second = await executeRun(db, { runId: 'b', models: [model], trials: plan });
    expect(second).toMatchObject({ status: 'completed', done: 8, cached: 8, sessionRequests: 0, costUsd: 0 });
    expect(server.requestCount).toBe(8);
    const a = [...iterateTrials(db, 'a')];
    const b = [...iterateTrials(db, 'b')];
    expect(b.map((t) => [t.text, t.inputTokens, t.outputTokens, t.latencyMs, t.attempts, t.cached])).toEqual(a.map((t) => [t.text, t.inputTokens, t.outputTokens, t.latencyMs, 0, true]));
    expect(count(db, 'SELECT COUNT(*) AS n FROM response_cache')).toBe(8);
  });

  it('a run partly in the cache, longer than one look-ahead, asks exactly the trials the cache lacks', async () => {
    server = await startModelServer();
    const adapter = await adapterFor('openai chat', server);
    const { db } = tempWorkspace();
    const model = entry('mini', adapter);
    const items = await additionItems(30);
    const templateIds = ['addition-01', 'addition-02', 'addition-03', 'addition-04', 'addition-05'];
    // every third item asked first, so cached and uncached trials alternate through the 150 of the second run
    await executeRun(db, { runId: 'a', models: [model], trials: planFor(items.filter((_, i) => i % 3 === 0), [model], { templateIds }) });
    expect(server.requestCount).toBe(50);
    const second = await executeRun(db, { runId: 'b', models: [model], trials: planFor(items, [model], { templateIds }) });
    expect(second).toMatchObject({ status: 'completed', done: 150, cached: 50, sessionRequests: 100 });
    expect(server.requestCount).toBe(150);
    const firstKeys = new Set([...iterateTrials(db, 'a')].map((t) => t.responseKey));
    for (const t of iterateTrials(db, 'b')) expect(t.cached).toBe(firstKeys.has(t.responseKey));
  });

  it('the viewer\'s facets arrive while a run goes on (once a second), and are complete when it ends', async () => {
    server = await startModelServer({ faultFor: () => ({ kind: 'delay', ms: 40 }) });
    const adapter = await adapterFor('openai chat', server);
    const { db, path } = tempWorkspace();
    const viewer = openWorkspace(path); // what `serve` in another process reads
    const model = entry('slow', adapter, { concurrency: { start: 2, floor: 2, ceiling: 2 } });
    const plan = planFor(await additionItems(30), [model], { templateIds: ['addition-01', 'addition-02', 'addition-03'] }); // 90 trials, 45 rounds of 40 ms
    const seen: { trials: number; facets: number }[] = [];
    const poll = setInterval(() => seen.push({
      trials: viewer.prepare('SELECT COUNT(*) FROM trials').pluck().get() as number,
      facets: viewer.prepare('SELECT COALESCE(SUM(n), 0) FROM trial_counts').pluck().get() as number,
    }), 50);
    await executeRun(db, { runId: 'live', models: [model], trials: plan });
    clearInterval(poll);
    expect(seen.some((s) => s.facets > 0 && s.facets < 90)).toBe(true); // some arrived while the run went on
    expect(seen.every((s) => s.facets <= s.trials)).toBe(true);
    expect(viewer.prepare('SELECT COUNT(*) FROM trial_facets').pluck().get()).toBe(90);
    expect(viewer.prepare('SELECT COALESCE(SUM(n), 0) FROM trial_counts').pluck().get()).toBe(90);
    viewer.close();
  });

  it('resuming a completed run does nothing; a changed setting misses the cache; a changed model under the same key is refused', async () => {
    server = await startModelServer();
    const adapter = await adapterFor('ollama chat', server);
    const { db } = tempWorkspace();
    const model = entry('llama', adapter);
    const plan = planFor(await additionItems(2), [model], { templateIds: ['addition-05'] });
    await executeRun(db, { runId: 'r', models: [model], trials: plan });
    const again = await executeRun(db, { runId: 'r', models: [model], trials: plan });
    expect(again).toMatchObject({ status: 'completed', done: 2, sessionTrials: 0, sessionRequests: 0 });
    const hotter = entry('llama', adapter, { settings: { ...model.settings, addition: { temperature: 0.7, maxTokens: 256 } } });
    const other = await executeRun(db, { runId: 'r2', models: [hotter], trials: planFor(await additionItems(2), [hotter], { templateIds: ['addition-05'] }) });
    expect(other.sessionRequests).toBe(2);
    await expect(executeRun(db, { runId: 'r', models: [hotter], trials: plan })).rejects.toThrow(/run r was started with model llama = .*resume it as it was, or start a new run/);
  });

  it('records non-retryable errors as errors, never as answers, and retries them on request', async () => {
    server = await startModelServer({ faultFor: (r) => (r.prompt.includes('Calculate') ? { kind: 'status', status: 400, message: 'prompt is too long' } : null) });
    const adapter = await adapterFor('openai-compatible chat', server);
    const { db } = tempWorkspace();
    const model = entry('m', adapter);
    const plan = planFor(await additionItems(3), [model], { templateIds: ['addition-01', 'addition-08'] });
    const first = await executeRun(db, { runId: 'r', models: [model], trials: plan });
    expect(first).toMatchObject({ status: 'completed', done: 6, answered: 3, errors: 3 });
    const errors = [...iterateTrials(db, 'r')].filter((t) => t.status === 'error');
    expect(errors.map((e) => [e.templateId, e.errorCode, e.attempts, e.text])).toEqual(Array(3).fill(['addition-08', 'BAD_REQUEST', 1, null]));
    expect(errors[0]!.errorMessage).toMatch(/prompt is too long/);
    expect(server.requestCount).toBe(6);
    const resumed = await executeRun(db, { runId: 'r', models: [model], trials: plan });
    expect(resumed.sessionRequests).toBe(0);
    const retried = await executeRun(db, { runId: 'r', models: [model], trials: plan, retryErrors: true });
    expect(retried).toMatchObject({ sessionRequests: 3, done: 6, errors: 3 });
    expect(count(db, 'SELECT COUNT(*) AS n FROM trials')).toBe(6);
  });

  it('draws each sample separately (the sample index is part of the cache key), and caches each', async () => {
    server = await startModelServer({ responder: (r) => `answer ${r.index}` });
    const adapter = await adapterFor('ollama chat', server);
    const { db } = tempWorkspace();
    const model = entry('m', adapter, { samples: 3, settings: defaultSettings({ temperature: 0.8, seed: 5 }) });
    const plan = planFor(await additionItems(2), [model], { templateIds: ['addition-01'] });
    expect(plan.total).toBe(6);
    await executeRun(db, { runId: 'a', models: [model], trials: plan });
    expect(server.requestCount).toBe(6);
    expect(new Set(server.requests.map((r) => r.prompt)).size).toBe(2);
    expect(server.requests.every((r) => r.settings.temperature === 0.8 && r.settings.seed === 5)).toBe(true);
    expect(new Set([...iterateTrials(db, 'a')].map((t) => t.text)).size).toBe(6);
    expect((await executeRun(db, { runId: 'b', models: [model], trials: plan })).sessionRequests).toBe(0);
  });

  it('does not cache replay answers by default (the file may change under the same prompt)', async () => {
    server = await startModelServer();
    const adapter = await adapterFor('openai chat', server);
    const replayLike = { provider: 'replay', modelId: 'file', mode: 'chat' as const, generate: adapter.generate.bind(adapter) };
    const { db } = tempWorkspace();
    const model = entry('rep', replayLike);
    const plan = planFor(await additionItems(1), [model], { templateIds: ['addition-01'] });
    await executeRun(db, { runId: 'a', models: [model], trials: plan });
    await executeRun(db, { runId: 'b', models: [model], trials: plan });
    expect(server.requestCount).toBe(2);
    expect(count(db, 'SELECT COUNT(*) AS n FROM response_cache')).toBe(0);
  });
});
