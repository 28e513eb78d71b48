import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ModelError, type GenerationSettings, type ModelResponse } from '../models/model-adapter.js';
import { responseCacheKey } from '../store/sqlite/response-cache.js';
import { AdaptiveLimiter } from './adaptive-limiter.js';
import { attemptSignal } from './attempt-signal.js';
import { backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import type { ErrorBudget } from './error-budget.js';
import { costOf } from './prices.js';
import type { ModelEntry, PlannedTrial, RunEvent, TrialResult } from './run-types.js';
import { requestSettings } from './stop-rule.js';
import type { CachedResponse } from '../store/sqlite/response-cache.js';
import { cachedResult, errorResult, type CacheMeta, type TrialRecorder } from './trial-recorder.js';

/** What every lane of a run shares (executor.ts builds it). */
export interface RunContext {
  recorder: TrialRecorder;
  budget: ErrorBudget;
  backoff: BackoffOptions;
  random: () => number;
  /** Aborts requests in flight: the caller's hard stop, or the run failing. */
  hard: AbortSignal;
  /** Ends scheduling and sleeps (graceful stop); also aborted whenever `hard` is. */
  soft: AbortSignal;
  /** Ends the run as failed (error budget); in-flight requests are cancelled, not recorded. */
  fail(reason: string): void;
  emit(event: RunEvent): void;
  /** Called after each trial is stored. */
  onRecorded(modelKey: string, result: TrialResult): void;
  /** Counts every request sent. */
  onRequest(): void;
  /** A trial ended without a result (cancelled or stopped): it stays to do. */
  onAbandoned(): void;
  /** A defect or a store failure: the run stops and executeRun rethrows it. */
  fatal(error: unknown): void;
  growAfter?: (limit: number) => number;
}

/** Cache hits waiting for their commit, at most; they hold no concurrency slot. */
const MAX_PENDING_HITS = 1024;
/** The scheduler yields to the event loop this often, so signals and timers run during long stretches of hits. */
const YIELD_EVERY = 256;

/**
 * One model's share of the run: pulls its trials to do in plan order (the caller's iterable leaves out
 * stored ones). A cache hit is recorded at once, without a concurrency slot; any other trial waits for
 * a slot under the adaptive limit. Resolves (true when the trials ran out) once the trials run out or
 * the run stops, after every trial in progress has ended.
 */
export async function runModelLane(ctx: RunContext, entry: ModelEntry, trials: Iterable<PlannedTrial>): Promise<boolean> {
  const limiter = new AdaptiveLimiter(entry.concurrency, {
    onChange: (limit, reason) => ctx.emit({ type: 'concurrency', modelKey: entry.key, limit, reason }),
    ...(ctx.growAfter === undefined ? {} : { growAfter: ctx.growAfter }),
  });
  const meta: CacheMeta = { provider: entry.adapter.provider, modelId: entry.adapter.modelId, mode: entry.adapter.mode };
  const useCache = entry.cache ?? entry.adapter.provider !== 'replay';
  const running = new Set<Promise<void>>();
  const track = (task: Promise<void>): void => {
    running.add(task);
    void task.finally(() => running.delete(task));
  };
  const ahead = lookAhead(ctx, entry, meta, useCache, trials);
  let pulled = 0;
  let pendingHits: Promise<void>[] = [];
  for (;;) {
    if (ctx.soft.aborted) break;
    const next = ahead.next();
    if (next === undefined) {
      await Promise.all(running);
      return true;
    }
    if (++pulled % YIELD_EVERY === 0) await yieldToEventLoop();
    const { trial, settings, cacheKey, hit } = next;
    if (hit !== undefined) {
      const result = cachedResult(hit);
      const saved = ctx.recorder.saveAnswer(trial, result, meta, cacheKey).then(() => ctx.onRecorded(entry.key, result), ctx.fatal);
      track(saved);
      pendingHits.push(saved);
      if (pendingHits.length >= MAX_PENDING_HITS) {
        await Promise.all(pendingHits);
        pendingHits = [];
      }
      continue;
    }
    while (!limiter.tryAcquire() && !ctx.soft.aborted) await limiter.whenSlotFree(ctx.soft);
    if (ctx.soft.aborted) break; // this trial was pulled but never asked: it stays to do
    track(
      runTrial(ctx, entry, limiter, { trial, settings, cacheKey, meta })
        .then((recorded) => {
          if (!recorded) ctx.onAbandoned();
        }, ctx.fatal)
        .finally(() => limiter.release()),
    );
  }
  await Promise.all(running);
  return false;
}

interface Prepared {
  trial: PlannedTrial;
  settings: GenerationSettings;
  cacheKey: string | undefined;
  meta: CacheMeta;
}

/** Trials looked up in the response cache together, before any of them is asked. */
const LOOK_AHEAD = 64;

/**
 * The lane's trials with their settings, cache keys and cache hits, read LOOK_AHEAD at a time so the
 * cache is searched once per batch instead of once per trial. Trials read ahead but never reached
 * (the run stopped) were never asked: they stay to do.
 */
function lookAhead(ctx: RunContext, entry: ModelEntry, meta: CacheMeta, useCache: boolean, trials: Iterable<PlannedTrial>) {
  const iterator = trials[Symbol.iterator]();
  let batch: (Omit<Prepared, 'meta'> & { hit: CachedResponse | undefined })[] = [];
  let index = 0;
  const readBatch = (): void => {
    batch = [];
    index = 0;
    for (let step = iterator.next(); step.done !== true; step = iterator.next()) {
      const trial = step.value;
      const settings = requestSettings(entry, trial);
      const cacheKey = useCache ? responseCacheKey({ ...meta, settings, prompt: trial.prompt, sampleIndex: trial.sample, scope: entry.cacheScope }) : undefined;
      batch.push({ trial, settings, cacheKey, hit: undefined });
      if (batch.length === LOOK_AHEAD) break;
    }
    const keys = batch.flatMap((b) => (b.cacheKey === undefined ? [] : [b.cacheKey]));
    if (keys.length === 0) return;
    const hits = ctx.recorder.lookupMany(keys);
    for (const b of batch) b.hit = b.cacheKey === undefined ? undefined : hits.get(b.cacheKey);
  };
  return {
    next() {
      if (index === batch.length) readBatch();
      return batch[index++];
    },
  };
}

/** Resolves true when the trial was recorded, false when it was abandoned (stop or cancel). */
async function runTrial(ctx: RunContext, entry: ModelEntry, limiter: AdaptiveLimiter, { trial, settings, cacheKey, meta }: Prepared): Promise<boolean> {
  const request = { prompt: trial.prompt, settings, sampleIndex: trial.sample, key: { itemId: trial.item.id, templateId: trial.template.id } };
  const label = `${entry.key} (${entry.spec})`;
  for (let attempt = 1; ; attempt++) {
    // honour Retry-After (a later one may extend the pause while we wait); jitter spreads the restart
    for (let paused = limiter.pausedFor(); paused > 0; paused = limiter.pausedFor()) {
      if (!(await sleep(paused + Math.floor(ctx.random() * Math.min(1000, paused / 10)), ctx.soft))) return false;
    }
    if (ctx.soft.aborted) return false;
    const epoch = limiter.epoch;
    const { signal, dispose } = attemptSignal(ctx.hard, entry.timeoutMs);
    const started = performance.now();
    ctx.onRequest();
    let outcome: ModelResponse | ModelError;
    try {
      outcome = await entry.adapter.generate(request, signal);
    } catch (thrown) {
      outcome = asModelError(thrown, entry);
    } finally {
      dispose();
    }
    if (!(outcome instanceof ModelError)) {
      limiter.onSuccess();
      ctx.budget.onRequestSuccess(entry.key);
      const result: TrialResult = {
        status: 'answered',
        text: outcome.text,
        finishReason: outcome.finishReason,
        usage: outcome.usage,
        costUsd: costOf(outcome.usage, entry.pricing),
        latencyMs: outcome.latencyMs,
        attempts: attempt,
        cached: false,
        warnings: outcome.warnings,
      };
      await ctx.recorder.saveAnswer(trial, result, meta, cacheKey, outcome);
      ctx.onRecorded(entry.key, result);
      return true;
    }
    const error = outcome;
    // Cancelled (Ctrl+C, or the run failing): not a result, so nothing is recorded; the trial stays to do.
    if (error.code === 'CANCELLED' || ctx.hard.aborted) return false;
    limiter.onFailure();
    if (error.code === 'RATE_LIMITED' || error.code === 'OVERLOADED') limiter.onCongestion(epoch);
    const reason = ctx.budget.onRequestFailure(entry.key, label, error);
    if (reason !== undefined) {
      ctx.fail(reason);
      return false;
    }
    if (error.retryAfterMs !== undefined && error.retryAfterMs > 0) {
      ctx.emit({ type: 'paused', modelKey: entry.key, code: error.code, untilMs: Date.now() + error.retryAfterMs });
      limiter.pause(error.retryAfterMs);
    }
    if (!error.retryable || attempt > entry.maxRetries) {
      const result = errorResult(error, attempt, performance.now() - started);
      await ctx.recorder.saveError(trial, result, meta);
      ctx.onRecorded(entry.key, result);
      return true;
    }
    const delayMs = Math.max(backoffDelay(attempt, ctx.backoff, ctx.random), limiter.pausedFor());
    ctx.emit({ type: 'retry', modelKey: entry.key, code: error.code, attempt, delayMs });
    if (!(await sleep(delayMs, ctx.soft))) return false;
  }
}

/** Adapters throw ModelError; anything else is a defect in an adapter, recorded like a bad response. */
function asModelError(thrown: unknown, entry: ModelEntry): ModelError {
  if (thrown instanceof ModelError) return thrown;
  const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return new ModelError('BAD_RESPONSE', `${entry.adapter.provider}:${entry.adapter.modelId}: unexpected failure in the adapter (${message})`, { cause: thrown });
}
