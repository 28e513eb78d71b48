import { UnrecoverableError, type Job } from 'bullmq';
import { attemptSignal } from '../engine/attempt-signal.js';
import { backoffDelay } from '../engine/backoff.js';
import { ModelError, type ModelAdapter, type ModelResponse } from '../models/model-adapter.js';
import { parseTrialJob, WORKER_CANNOT_RUN, type QueueModel, type TrialOutcome } from './queue-protocol.js';

/**
 * What a worker does with one trial job: one request to the model, with the local engine's rules.
 * - an answer, a non-retryable error (AUTH, BAD_REQUEST), or a retryable one on the last attempt is the
 *   job's return value (the coordinator records it as the trial);
 * - a retryable error with attempts left is thrown: BullMQ retries the job after `retryDelay` (full
 *   jitter, at least the Retry-After), and every retry passes the queue's rate limit again;
 * - a Retry-After also pauses the whole queue (every worker) for that long — BullMQ's manual rate limit;
 * - a worker that cannot build the model's adapter fails the job with WORKER_CANNOT_RUN (no retry).
 */
export interface ProcessorContext {
  model: QueueModel;
  /** The adapter, or why this worker cannot build one. */
  adapter: ModelAdapter | Error;
  workerName: string;
  /** Aborts requests in flight (a second Ctrl+C). */
  hard: AbortSignal;
  /** Pauses the model's queue for every worker (Worker.rateLimit). */
  pauseQueue(ms: number): Promise<void>;
  onRequest?(): void;
}

export function trialProcessor(ctx: ProcessorContext): (job: Job) => Promise<TrialOutcome> {
  return async (job) => {
    if (ctx.adapter instanceof Error) throw new UnrecoverableError(`${WORKER_CANNOT_RUN}${ctx.workerName}: ${ctx.adapter.message}`);
    const adapter = ctx.adapter;
    const trial = parseTrialJob(job.data);
    if (typeof trial === 'string') throw new UnrecoverableError(`${WORKER_CANNOT_RUN}${ctx.workerName}: job ${job.id ?? '?'} is not a reliabench trial (${trial}); are coordinator and worker the same version?`);
    const attempt = job.attemptsMade + 1;
    const { signal, dispose } = attemptSignal(ctx.hard, ctx.model.timeoutMs);
    const started = performance.now();
    ctx.onRequest?.();
    let outcome: ModelResponse | ModelError;
    try {
      outcome = await adapter.generate(
        { prompt: trial.prompt, settings: trial.settings, sampleIndex: trial.sample, key: { itemId: trial.item, templateId: trial.template } },
        signal,
      );
    } catch (thrown) {
      outcome = asModelError(thrown, adapter);
    } finally {
      dispose();
    }
    if (!(outcome instanceof ModelError)) {
      return {
        status: 'answered',
        text: outcome.text,
        finishReason: outcome.finishReason,
        usage: outcome.usage,
        latencyMs: outcome.latencyMs,
        warnings: outcome.warnings,
        ...(outcome.raw === undefined ? {} : { raw: outcome.raw }),
        attempts: attempt,
        worker: ctx.workerName,
      };
    }
    const error = outcome;
    if (error.code === 'CANCELLED') throw error; // this worker is stopping: the job is tried again
    const retryAfter = error.retryAfterMs ?? 0;
    if (!error.retryable || attempt > ctx.model.maxRetries || retryAfter > ctx.model.maxRetryAfterMs) {
      return {
        status: 'error',
        code: error.code,
        message: error.message,
        latencyMs: Math.round(performance.now() - started),
        attempts: attempt,
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
        worker: ctx.workerName,
      };
    }
    if (retryAfter > 0) await ctx.pauseQueue(retryAfter);
    throw error;
  };
}

/** BullMQ's custom backoff: full jitter as in the local engine, and never sooner than a Retry-After. */
export function retryDelay(model: QueueModel, random: () => number = Math.random): (attemptsMade: number, type?: string, err?: Error) => number {
  return (attemptsMade, _type, err) => {
    const retryAfter = err instanceof ModelError ? (err.retryAfterMs ?? 0) : 0;
    return Math.max(backoffDelay(attemptsMade, model.backoff, random), retryAfter + Math.floor(random() * Math.min(1000, retryAfter / 10)));
  };
}

function asModelError(thrown: unknown, adapter: ModelAdapter): ModelError {
  if (thrown instanceof ModelError) return thrown;
  const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return new ModelError('BAD_RESPONSE', `${adapter.provider}:${adapter.modelId}: unexpected failure in the adapter (${message})`, { cause: thrown });
}
