import { describe, expect, it } from 'vitest';
import { saveItems, saveItemSet } from '../store/sqlite/items-repo.js';
import { getRun, getRunModels } from '../store/sqlite/runs-repo.js';
import { executeRun } from './executor.js';
import { checkModelEntries, STOP_RULE } from './run-record.js';
import { additionItems, count, entry, instantAdapter, planFor, tempWorkspace } from './test-support/engine-fixtures.js';

describe('checkModelEntries', () => {
  const ok = entry('m', instantAdapter());
  it('names the model and the fix for each impossible setting', () => {
    expect(() => checkModelEntries([ok, { ...ok }])).toThrow(/model m: the key is used twice/);
    expect(() => checkModelEntries([{ ...ok, key: ' ' }])).toThrow(/empty key/);
    expect(() => checkModelEntries([{ ...ok, concurrency: { start: 4, floor: 8, ceiling: 16 } }])).toThrow(/1 ≤ floor ≤ start ≤ ceiling, got floor 8, start 4/);
    expect(() => checkModelEntries([{ ...ok, timeoutMs: 0 }])).toThrow(/timeout must be > 0/);
    expect(() => checkModelEntries([{ ...ok, maxRetries: -1 }])).toThrow(/max retries/);
    expect(() => checkModelEntries([{ ...ok, samples: 1.5 }])).toThrow(/samples/);
    expect(() => checkModelEntries([ok, entry('n', instantAdapter())])).not.toThrow();
  });
});

describe('recording a run', () => {
  it('stores the run with its item set, filter, config and models; execution choices may change on resume, new models join', async () => {
    const { db } = tempWorkspace();
    const items = await additionItems(2);
    saveItems(db, items);
    const setId = saveItemSet(db, { seed: '1', domains: ['addition'], perDomain: 2 }, items);
    const raw = entry('raw', instantAdapter('base', 'completion'), { metadata: { shaped: false, params: 7e9 } });
    const filter = { templateIds: ['addition-01'] };
    await executeRun(db, { runId: 'r', models: [raw], trials: planFor(items, [raw], filter), itemSetId: setId, filter, config: { seed: 1 } });
    expect(getRun(db, 'r')).toMatchObject({ itemSetId: setId, filter, config: { seed: 1 }, totalTrials: 2, status: 'completed' });
    expect(getRunModels(db, 'r')[0]).toMatchObject({ modelKey: 'raw', provider: 'in-memory', modelId: 'base', mode: 'completion', metadata: { shaped: false, params: 7e9 }, pricing: null, execution: { stopRule: STOP_RULE, cache: true } });

    const faster = { ...raw, concurrency: { start: 32, floor: 1, ceiling: 64 } };
    const chat = entry('chat', instantAdapter());
    const resumed = await executeRun(db, { runId: 'r', models: [faster, chat], trials: planFor(items, [faster, chat], filter), itemSetId: setId, filter });
    expect(resumed).toMatchObject({ status: 'completed', total: 4, done: 4, sessionTrials: 2 });
    expect(getRunModels(db, 'r').map((m) => m.modelKey)).toEqual(['raw', 'chat']);

    await expect(executeRun(db, { runId: 'r', models: [raw], trials: planFor(items, [raw]), itemSetId: setId, filter: {} })).rejects.toThrow(/was started with filter/);
    await expect(executeRun(db, { runId: 'r', models: [raw], trials: planFor(items, [raw], filter), itemSetId: null, filter })).rejects.toThrow(/was started with item set set-/);
    expect(count(db, 'SELECT COUNT(*) AS n FROM trials')).toBe(4);
  });

  it('a model the plan does not know is refused before the store is touched', async () => {
    const { db } = tempWorkspace();
    const a = entry('a', instantAdapter());
    await expect(executeRun(db, { runId: 'r', models: [a, entry('b', instantAdapter())], trials: planFor(await additionItems(1), [a]) })).rejects.toThrow(/model key "b" is not in this plan/);
    expect(getRun(db, 'r')).toBeUndefined();
  });

  it('an event handler that throws fails the run instead of leaving it half-running', async () => {
    const { db } = tempWorkspace();
    const a = entry('a', instantAdapter());
    const run = executeRun(db, { runId: 'r', models: [a], trials: planFor(await additionItems(5), [a]), onEvent: (e) => {
      if (e.type === 'trial-done' && e.done === 3) throw new Error('progress bar broke');
    } });
    await expect(run).rejects.toThrow(/progress bar broke/);
    expect(getRun(db, 'r')).toMatchObject({ status: 'failed', statusReason: 'internal error: progress bar broke' });
  });

  it('an empty plan completes at once', async () => {
    const { db } = tempWorkspace();
    const a = entry('a', instantAdapter());
    const summary = await executeRun(db, { runId: 'r', models: [a], trials: planFor([], [a]) });
    expect(summary).toMatchObject({ status: 'completed', total: 0, done: 0, sessionRequests: 0 });
  });

  it('a store that cannot write fails the run and the error reaches the caller', async () => {
    const { db } = tempWorkspace();
    db.exec("CREATE TRIGGER full_disk BEFORE INSERT ON trials WHEN (SELECT COUNT(*) FROM trials) >= 2 BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END;");
    const a = entry('a', instantAdapter(), { concurrency: { start: 1, floor: 1, ceiling: 1 } });
    await expect(executeRun(db, { runId: 'r', models: [a], trials: planFor(await additionItems(5), [a]) })).rejects.toThrow(/disk is full \(simulated\)/);
    expect(getRun(db, 'r')).toMatchObject({ status: 'failed', statusReason: 'internal error: database or disk is full (simulated)' });
    expect(count(db, 'SELECT COUNT(*) AS n FROM trials')).toBe(2);
  });
});
