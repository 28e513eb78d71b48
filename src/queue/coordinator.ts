import { setMaxListeners } from 'node:events';
import { Queue } from 'bullmq';
import type { ExecuteRunOptions } from '../engine/executor.js';
import { DEFAULT_BACKOFF } from '../engine/backoff.js';
import { DEFAULT_ERROR_BUDGET, ErrorBudget } from '../engine/error-budget.js';
import { defaultPricing } from '../engine/prices.js';
import { checkModelEntries, recordRun } from '../engine/run-record.js';
import type { ModelEntry, RunSummary } from '../engine/run-types.js';
import { TrialRecorder } from '../engine/trial-recorder.js';
import type { Db } from '../store/sqlite/open-workspace.js';
import { setRunStatus } from '../store/sqlite/runs-repo.js';
import { countTrials, trialKeyString } from '../store/sqlite/trials-repo.js';
import { bullConnection, prepareRedis } from './bullmq-connection.js';
import { QueueLane, type LaneContext } from './queue-lane.js';
import { KEY_PREFIX, limiterWindow, queueName, UNLIMITED_WINDOW, type RunAnnouncement } from './queue-protocol.js';
import { closeOrDrop, RedisDeadline, Wakeup, withTimeout } from './redis-deadline.js';
import type { RedisTarget } from './redis-url.js';
import { announceRun, isAnnounced, withdrawRun } from './run-registry.js';

export interface QueueRunOptions {
  target: RedisTarget;
  /** At most this many requests per second to each model, over all workers (BullMQ's per-queue limiter). */
  rateLimit?: number;
  /** Trials enqueued and not yet stored, per model, at most. Default 10,000. */
  window?: number;
  /** Redis may be unreachable this long before the run fails (stored trials are kept). Default 60 s. */
  redisTimeoutMs?: number;
  /** Pause between looks for results, unless the last look found many. Default 50 ms. */
  pollMs?: number;
  /** One-line notices for the log: Redis lost the queue, Redis errors. */
  onNotice?: (line: string) => void;
}

/**
 * `executeRun` on a queue: the same options, events and summary, but the trials are asked by
 * `reliabench worker` processes (any number, on any machines) through BullMQ on Redis. This process
 * stays the only writer of the store: it plans, answers cache hits, enqueues the rest, and records the
 * workers' results through the trial recorder. Resuming (same run id) re-attaches to the run's queues.
 * See docs/queue.md.
 */
export async function executeQueuedRun(db: Db, options: ExecuteRunOptions, queue: QueueRunOptions): Promise<RunSummary> {
  const startedAt = performance.now();
  checkModelEntries(options.models);
  const models = options.models.map((m) => withPricing(m, options.prices));
  const total = options.trials.total;
  for (const m of models) options.trials.trialsFor(m.key); // an unknown key throws here, before the store is touched
  const target = queue.target;
  await prepareRedis(target); // a wrong URL or password fails here, before the store is touched
  recordRun(db, { runId: options.runId, itemSetId: options.itemSetId, filter: options.filter, config: options.config, total }, models);
  setRunStatus(db, options.runId, 'running');

  const retryErrors = options.retryErrors ?? false;
  const before = countTrials(db, options.runId);
  let done = retryErrors ? before.answered : before.total;
  let errors = retryErrors ? 0 : before.errors;
  let sessionRequests = 0;
  let sessionTrials = 0;
  let failure: string | undefined;
  let fatal: unknown;

  const hard = new AbortController();
  const soft = new AbortController();
  setMaxListeners(0, hard.signal, soft.signal);
  const onHard = (): void => {
    if (!hard.signal.aborted) hard.abort();
    if (!soft.signal.aborted) soft.abort();
  };
  const onSoft = (): void => {
    if (!soft.signal.aborted) soft.abort();
  };
  options.signal?.addEventListener('abort', onHard, { once: true });
  options.stop?.addEventListener('abort', onSoft, { once: true });
  if (options.signal?.aborted) onHard();
  if (options.stop?.aborted) onSoft();
  const emit = (event: Parameters<NonNullable<ExecuteRunOptions['onEvent']>>[0]): void => {
    try {
      options.onEvent?.(event);
    } catch (error) {
      fatal ??= error;
      onHard();
    }
  };
  const notice = queue.onNotice ?? (() => {});
  const wakeup = new Wakeup();
  const deadline = new RedisDeadline(target, queue.redisTimeoutMs ?? 60_000, () => countTrials(db, options.runId).total);
  const budget = new ErrorBudget({ ...options.errorBudget });
  const recorder = new TrialRecorder(db, options.runId, (error) => {
    fatal ??= error;
    onHard();
  });
  const storedStmt = db.prepare('SELECT status FROM trials WHERE run_id = ? AND model_key = ? AND item_id = ? AND template_id = ? AND sample = ?').pluck();
  const ctx: LaneContext = {
    recorder,
    budget,
    soft: soft.signal,
    window: queue.window ?? 10_000,
    retryErrors,
    storedStatus: (modelKey, itemId, templateId, sample) => storedStmt.get(options.runId, modelKey, itemId, templateId, sample) as 'answered' | 'error' | undefined,
    redis: (operation, what) => deadline.run(operation, what),
    fail: (reason) => {
      failure ??= reason;
      onHard();
    },
    fatal: (error) => {
      fatal ??= error;
      onHard();
    },
    onRecorded: (modelKey, result) => {
      done++;
      sessionTrials++;
      if (result.status === 'error') errors++;
      emit({ type: 'trial-done', modelKey, status: result.status, cached: result.cached, done, total, errors });
      if (!result.cached) {
        const reason = budget.onTrialFinished(result.status === 'error');
        if (reason !== undefined) ctx.fail(reason);
      }
    },
    onRequests: (count) => {
      sessionRequests += count;
    },
    wake: () => wakeup.wake(),
  };

  const connection = bullConnection(target, `reliabench-coordinator-${options.runId}`);
  const complain = throttledNotice(notice);
  const open = (name: string, control = false): Queue => {
    const q = new Queue(name, { connection, prefix: KEY_PREFIX, streams: { events: { maxLen: 1_000 } }, ...(control ? { skipMetasUpdate: true } : {}) });
    q.on('error', (e) => complain(`Redis at ${target.display}: ${e.message}`));
    return q;
  };
  const control = open('control', true); // only for the run registry: it writes no keys of its own
  const lanes = models.map((entry) => new QueueLane(ctx, entry, open(queueName(options.runId, entry.key))));
  const announcement: RunAnnouncement = {
    v: 1,
    runId: options.runId,
    models: lanes.map(({ entry, queue: q }) => ({
      key: entry.key,
      queue: q.name,
      spec: entry.spec,
      mode: entry.adapter.mode,
      timeoutMs: entry.timeoutMs,
      maxRetries: entry.maxRetries,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      maxRetryAfterMs: options.errorBudget?.maxRetryAfterMs ?? DEFAULT_ERROR_BUDGET.maxRetryAfterMs,
    })),
  };
  const limits = queue.rateLimit === undefined ? UNLIMITED_WINDOW : limiterWindow(queue.rateLimit);
  /** Limits first, then the announcement: no worker starts a trial before the rate limit is in place. */
  const announce = async (): Promise<void> => {
    for (const lane of lanes) {
      await ctx.redis(() => lane.queue.resume(), 'resuming the queue');
      await ctx.redis(() => lane.queue.setGlobalConcurrency(lane.entry.concurrency.ceiling), 'setting the concurrency');
      await ctx.redis(() => lane.queue.setGlobalRateLimit(limits.max, limits.duration), 'setting the rate limit');
    }
    await ctx.redis(async () => announceRun(await control.getBackend().client, announcement), 'announcing the run');
  };

  emit({ type: 'run-start', runId: options.runId, total, alreadyDone: done });
  let enqueueing: Promise<unknown> = Promise.resolve();
  try {
    await announce();
    for (const lane of lanes) await ctx.redis(() => lane.queue.retryJobs({ state: 'failed' }), 'retrying failed trials'); // e.g. a worker fixed since
    enqueueing = Promise.all(
      lanes.map(async (lane) => {
        const stored = before.total === 0 ? undefined : recorder.storedKeys(lane.entry.key, retryErrors);
        const skip = stored === undefined || stored.size === 0 ? undefined : (item: string, template: string, sample: number) => stored.has(trialKeyString(item, template, sample));
        try {
          lane.exhausted = await lane.enqueue(options.trials.trialsFor(lane.entry.key, skip));
        } catch (error) {
          if (error instanceof RedisDeadline.Lost) ctx.fail(error.message);
          else ctx.fatal(error);
        } finally {
          lane.enqueueDone = true;
          wakeup.wake();
        }
      }),
    );
    let paused = false;
    let lastCheck = Date.now();
    while (!hard.signal.aborted) {
      let handled = 0;
      for (const lane of lanes) handled += await lane.harvest();
      if (hard.signal.aborted) break;
      if (Date.now() - lastCheck >= 1_000) {
        lastCheck = Date.now();
        if (!(await ctx.redis(async () => isAnnounced(await control.getBackend().client, options.runId), 'checking the queue'))) {
          const inFlight = lanes.reduce((n, l) => n + l.outstanding.size, 0);
          notice(`Redis at ${target.display} lost this run's queue (restarted without persistence?): enqueueing the ${inFlight} trials in progress again`);
          await announce();
          for (const lane of lanes) await lane.reenqueueAll();
        }
      }
      const enqueued = lanes.every((l) => l.enqueueDone);
      if (enqueued && lanes.every((l) => l.outstanding.size === 0)) break;
      if (soft.signal.aborted && enqueued) {
        // Graceful stop: no new trial starts; wait for the ones in progress and record them.
        if (!paused) for (const lane of lanes) await ctx.redis(() => lane.queue.pause(), 'pausing the queue');
        paused = true;
        const active = await ctx.redis(() => Promise.all(lanes.map((l) => l.queue.getActiveCount())), 'counting trials in progress');
        if (active.every((n) => n === 0)) {
          for (const lane of lanes) await lane.harvest();
          break;
        }
      }
      // Pace the looks: results committed in batches cost far less (one transaction, one Redis read) than one at a time.
      if (handled < 500) await wakeup.wait(queue.pollMs ?? 50, hard.signal);
    }
  } catch (error) {
    if (error instanceof RedisDeadline.Lost) ctx.fail(error.message);
    else ctx.fatal(error);
  } finally {
    onHard(); // stops the enqueueing lanes, if any are still going
    await enqueueing;
    recorder.finish();
    options.signal?.removeEventListener('abort', onHard);
    options.stop?.removeEventListener('abort', onSoft);
  }

  const allDone = fatal === undefined && failure === undefined && lanes.every((l) => l.exhausted && l.outstanding.size === 0);
  await finishQueues(control, lanes, options.runId, allDone, deadline.lost);
  if (fatal !== undefined) {
    setRunStatus(db, options.runId, 'failed', `internal error: ${fatal instanceof Error ? fatal.message : String(fatal)}`);
    throw fatal;
  }
  const counts = countTrials(db, options.runId);
  const status: RunSummary['status'] = failure !== undefined ? 'failed' : allDone ? 'completed' : 'stopped';
  const reason =
    failure ?? (status === 'stopped' ? `stopped with ${Math.max(0, total - counts.total)} of ${total} trials to do; run the same command to finish them (trials already enqueued stay in Redis)` : undefined);
  setRunStatus(db, options.runId, status, reason ?? null);
  const summary: RunSummary = {
    runId: options.runId,
    status,
    ...(reason === undefined ? {} : { reason }),
    total,
    done: counts.total,
    answered: counts.answered,
    errors: counts.errors,
    cached: counts.cached,
    inputTokens: counts.inputTokens,
    outputTokens: counts.outputTokens,
    costUsd: counts.costUsd,
    unpriced: models.filter((m) => m.pricing === undefined).map((m) => m.key),
    sessionRequests,
    sessionTrials,
    durationMs: Math.round(performance.now() - startedAt),
  };
  emit({ type: 'run-end', runId: options.runId, status, done: counts.total, total, errors: counts.errors, costUsd: counts.costUsd, ...(reason === undefined ? {} : { reason }) });
  return summary;
}

/**
 * A completed run's queues are deleted; a stopped or failed run's are paused and kept, so its enqueued
 * trials (and results not yet recorded) are there when it is resumed. Either way workers are told to let
 * go. With Redis gone, nothing waits for it: the connections are dropped.
 */
async function finishQueues(control: Queue, lanes: readonly QueueLane[], runId: string, completed: boolean, redisLost: boolean): Promise<void> {
  const quick = <T>(p: Promise<T>): Promise<T | undefined> => (redisLost ? Promise.resolve(undefined) : withTimeout(p, 5_000));
  for (const lane of lanes) {
    await quick(completed ? lane.queue.obliterate({ force: true }) : lane.queue.pause()).catch(() => undefined);
  }
  await quick(control.getBackend().client.then((c) => withdrawRun(c, runId))).catch(() => undefined);
  for (const q of [control, ...lanes.map((l) => l.queue)]) await closeOrDrop(q, false, redisLost ? 0 : 5_000);
}

function withPricing(entry: ModelEntry, prices: ExecuteRunOptions['prices']): ModelEntry {
  if (entry.pricing !== undefined) return entry;
  const pricing = defaultPricing(entry.adapter.provider, entry.adapter.modelId, prices);
  return pricing === undefined ? entry : { ...entry, pricing };
}

function throttledNotice(notice: (line: string) => void): (line: string) => void {
  let last = 0;
  return (line) => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    notice(line);
  };
}
