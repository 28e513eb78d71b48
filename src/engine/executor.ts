import { setMaxListeners } from 'node:events';
import type { Db } from '../store/sqlite/open-workspace.js';
import { setRunStatus } from '../store/sqlite/runs-repo.js';
import { countTrials, trialKeyString } from '../store/sqlite/trials-repo.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { ErrorBudget, type ErrorBudgetOptions } from './error-budget.js';
import { runModelLane, type RunContext } from './model-lane.js';
import { defaultPricing } from './prices.js';
import { checkModelEntries, recordRun } from './run-record.js';
import type { ModelEntry, PlanFilter, Pricing, RunEvent, RunSummary, TrialSource } from './run-types.js';
import { TrialRecorder } from './trial-recorder.js';

export interface ExecuteRunOptions {
  /** A new id starts a run; an existing one resumes it (stored trials are skipped). */
  runId: string;
  models: readonly ModelEntry[];
  /** Usually `buildPlan(…)`. */
  trials: TrialSource;
  /** Recorded when the run is created; checked when it is resumed. */
  itemSetId?: string | null;
  filter?: PlanFilter;
  /** Recorded with the run for reference (never put secrets in it). */
  config?: Record<string, unknown>;
  /** Hard stop (a second Ctrl+C): requests in flight are cancelled and not recorded. */
  signal?: AbortSignal;
  /** Graceful stop (a first Ctrl+C): no new requests; those in flight finish and are recorded. */
  stop?: AbortSignal;
  /** Must not throw; a throwing handler fails the run. */
  onEvent?: (event: RunEvent) => void;
  errorBudget?: Partial<ErrorBudgetOptions>;
  backoff?: Partial<BackoffOptions>;
  /** Re-attempt trials stored as errors (a later result replaces the error row). Default false. */
  retryErrors?: boolean;
  /** Prices per provider and model consulted before the default table (a ModelEntry's own pricing wins). */
  prices?: Readonly<Record<string, Readonly<Record<string, Pricing>>>>;
  /** Successes needed to raise a model's concurrency by one; default: as many as the current limit. */
  growAfter?: (limit: number) => number;
  /** Randomness for backoff jitter; default Math.random. */
  random?: () => number;
}

/**
 * Runs (or resumes) a run: every trial of `trials` not yet stored is asked of its model, with adaptive
 * concurrency, retries and the response cache, and recorded as answered or error. Emits RunEvents,
 * prints nothing. Resolves with the run's summary; a run that hit its error budget resolves with status
 * `failed` and a reason. Throws only on invalid input or a store failure (the run is then marked failed).
 * Adapters are not closed: they belong to the caller.
 */
export async function executeRun(db: Db, options: ExecuteRunOptions): Promise<RunSummary> {
  const startedAt = performance.now();
  checkModelEntries(options.models);
  const models = options.models.map((m) => withPricing(m, options.prices));
  const total = options.trials.total;
  for (const m of models) options.trials.trialsFor(m.key); // an unknown key throws here, before the store is touched
  recordRun(db, { runId: options.runId, itemSetId: options.itemSetId, filter: options.filter, config: options.config, total }, models);
  setRunStatus(db, options.runId, 'running');

  const retryErrors = options.retryErrors ?? false;
  const before = countTrials(db, options.runId);
  let done = retryErrors ? before.answered : before.total;
  let errors = retryErrors ? 0 : before.errors;
  let sessionRequests = 0;
  let sessionTrials = 0;
  let abandoned = 0;
  let failure: string | undefined;
  let fatal: unknown;

  const hard = new AbortController();
  const soft = new AbortController();
  setMaxListeners(0, hard.signal, soft.signal);
  const onHard = (): void => {
    if (!hard.signal.aborted) hard.abort(options.signal?.reason ?? new Error('run failed'));
    if (!soft.signal.aborted) soft.abort();
  };
  const onSoft = (): void => {
    if (!soft.signal.aborted) soft.abort();
  };
  options.signal?.addEventListener('abort', onHard, { once: true });
  options.stop?.addEventListener('abort', onSoft, { once: true });
  if (options.signal?.aborted) onHard();
  if (options.stop?.aborted) onSoft();

  const stopAll = (): void => {
    if (!hard.signal.aborted) hard.abort(new Error('run failed'));
    onSoft();
  };
  const emit = (event: RunEvent): void => {
    try {
      options.onEvent?.(event);
    } catch (error) {
      fatal ??= error;
      stopAll();
    }
  };
  const budget = new ErrorBudget(options.errorBudget);
  const recorder = new TrialRecorder(db, options.runId, (error) => {
    fatal ??= error;
    stopAll();
  });
  const ctx: RunContext = {
    recorder,
    budget,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    random: options.random ?? Math.random,
    hard: hard.signal,
    soft: soft.signal,
    fail: (reason) => {
      failure ??= reason;
      stopAll();
    },
    emit,
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
    onRequest: () => {
      sessionRequests++;
    },
    onAbandoned: () => {
      abandoned++;
    },
    fatal: (error) => {
      fatal ??= error;
      stopAll();
    },
    ...(options.growAfter === undefined ? {} : { growAfter: options.growAfter }),
  };

  emit({ type: 'run-start', runId: options.runId, total, alreadyDone: done });
  let allExhausted = false;
  try {
    const exhausted = await Promise.all(
      models.map((entry) => {
        const stored = before.total === 0 ? undefined : recorder.storedKeys(entry.key, retryErrors);
        const skip = stored === undefined || stored.size === 0 ? undefined : (item: string, template: string, sample: number) => stored.has(trialKeyString(item, template, sample));
        return runModelLane(ctx, entry, options.trials.trialsFor(entry.key, skip));
      }),
    );
    allExhausted = exhausted.every(Boolean);
  } finally {
    recorder.finish();
    options.signal?.removeEventListener('abort', onHard);
    options.stop?.removeEventListener('abort', onSoft);
  }

  if (fatal !== undefined) {
    setRunStatus(db, options.runId, 'failed', `internal error: ${fatal instanceof Error ? fatal.message : String(fatal)}`);
    throw fatal;
  }
  const counts = countTrials(db, options.runId);
  const status: RunSummary['status'] = failure !== undefined ? 'failed' : allExhausted && abandoned === 0 ? 'completed' : 'stopped';
  const reason =
    failure ?? (status === 'stopped' ? `stopped with ${Math.max(0, total - counts.total)} of ${total} trials to do; resume the run to finish them` : undefined);
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

function withPricing(entry: ModelEntry, prices: ExecuteRunOptions['prices']): ModelEntry {
  if (entry.pricing !== undefined) return entry;
  const pricing = defaultPricing(entry.adapter.provider, entry.adapter.modelId, prices);
  return pricing === undefined ? entry : { ...entry, pricing };
}
