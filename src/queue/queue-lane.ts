import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { JobsOptions, Queue } from 'bullmq';
import type { ErrorBudget } from '../engine/error-budget.js';
import type { ModelEntry, PlannedTrial, TrialResult } from '../engine/run-types.js';
import { requestSettings } from '../engine/stop-rule.js';
import { cachedResult, type CacheMeta, type TrialRecorder } from '../engine/trial-recorder.js';
import type { GenerationSettings } from '../models/model-adapter.js';
import { responseCacheKey } from '../store/sqlite/response-cache.js';
import { outcomeToResult } from './outcome.js';
import { parseTrialJobId, TRIAL_JOB, trialJobId, WORKER_CANNOT_RUN, type TrialJob } from './queue-protocol.js';

/** What every lane of a queued run shares (coordinator.ts builds it). */
export interface LaneContext {
  recorder: TrialRecorder;
  budget: ErrorBudget;
  /** Ends enqueueing (graceful stop, or the run failing). */
  soft: AbortSignal;
  /** Trials enqueued and not yet stored, per model, at most. */
  window: number;
  /** The stored status of a trial of this run, if any. */
  storedStatus(modelKey: string, itemId: string, templateId: string, sample: number): 'answered' | 'error' | undefined;
  retryErrors: boolean;
  /**
   * Runs a Redis operation under the run's deadline (a lost Redis fails the run instead of hanging it);
   * it may run the operation again if the connection dropped while it was in flight.
   */
  redis<T>(operation: () => Promise<T>, what: string): Promise<T>;
  fail(reason: string): void;
  fatal(error: unknown): void;
  /** Called after each trial is committed. */
  onRecorded(modelKey: string, result: TrialResult): void;
  onRequests(count: number): void;
  /** New jobs are in Redis: the harvester may want to look sooner. */
  wake(): void;
}

export interface Outstanding {
  trial: PlannedTrial;
  jobId: string;
  settings: GenerationSettings;
  cacheKey: string | undefined;
}

const BATCH = 500;
const PAGE = 1_000;
const MAX_PENDING_HITS = 1_024;
/** A job that failed on the workers for another reason than WORKER_CANNOT_RUN (e.g. stalled too often) is tried again this often. */
const MAX_JOB_RETRIES = 3;

/**
 * One model's share of a queued run. `enqueue` pulls the model's trials in plan order (stored ones are
 * left out by the caller), records cache hits at once like the local engine, and adds the rest to the
 * model's BullMQ queue — job id = trial key, so adding again is a no-op — keeping at most `window` in
 * Redis. `harvest` reads finished jobs, commits their results through the trial recorder, and only then
 * removes the jobs: a coordinator killed in between finds them again, and a stored trial is never asked
 * again (a finished job is never run twice; a removed one was committed first).
 */
export class QueueLane {
  /** Enqueued in this session and not yet stored, by job id. Only these are harvested. */
  readonly outstanding = new Map<string, Outstanding>();
  enqueueDone = false;
  exhausted = false;
  private readonly meta: CacheMeta;
  private readonly useCache: boolean;
  private waiters: (() => void)[] = [];
  private readonly jobRetries = new Map<string, number>();
  private page = 0;
  private rounds = 0;

  constructor(private readonly ctx: LaneContext, readonly entry: ModelEntry, readonly queue: Queue) {
    this.meta = { provider: entry.adapter.provider, modelId: entry.adapter.modelId, mode: entry.adapter.mode };
    this.useCache = entry.cache ?? entry.adapter.provider !== 'replay';
  }

  /** Resolves true when the trials ran out (all enqueued or answered from the cache), false when stopped first. */
  async enqueue(trials: Iterable<PlannedTrial>): Promise<boolean> {
    let batch: Outstanding[] = [];
    let pendingHits: Promise<void>[] = [];
    let pulled = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const taken = batch;
      batch = [];
      await this.add(taken);
    };
    for (const trial of trials) {
      if (this.ctx.soft.aborted) break;
      if (++pulled % 256 === 0) await yieldToEventLoop();
      const settings = requestSettings(this.entry, trial);
      const cacheKey = this.useCache ? responseCacheKey({ ...this.meta, settings, prompt: trial.prompt, sampleIndex: trial.sample, scope: this.entry.cacheScope }) : undefined;
      const hit = cacheKey === undefined ? undefined : this.ctx.recorder.lookup(cacheKey);
      if (hit !== undefined) {
        const result = cachedResult(hit);
        pendingHits.push(this.ctx.recorder.saveAnswer(trial, result, this.meta, cacheKey).then(() => this.ctx.onRecorded(this.entry.key, result), this.ctx.fatal));
        if (pendingHits.length >= MAX_PENDING_HITS) {
          await Promise.all(pendingHits);
          pendingHits = [];
        }
        continue;
      }
      batch.push({ trial, settings, cacheKey, jobId: trialJobId(trial.item.id, trial.template.id, trial.sample) });
      if (batch.length >= BATCH || this.outstanding.size + batch.length >= this.ctx.window) await flush();
      while (this.outstanding.size >= this.ctx.window && !this.ctx.soft.aborted) await this.space();
    }
    await Promise.all(pendingHits);
    if (this.ctx.soft.aborted) return false; // pulled but never enqueued: those trials stay to do
    await flush();
    return true;
  }

  /** Commits the results of finished jobs; returns how many jobs it dealt with (0: nothing to do now). */
  async harvest(): Promise<number> {
    let handled = await this.harvestCompleted();
    if (++this.rounds % 10 === 0 || this.outstanding.size > 0 && handled === 0) handled += await this.checkFailed();
    return handled;
  }

  /** After Redis lost its data: every trial enqueued and not yet stored is enqueued again. */
  async reenqueueAll(): Promise<number> {
    const all = [...this.outstanding.values()];
    for (let i = 0; i < all.length; i += BATCH) await this.add(all.slice(i, i + BATCH));
    return all.length;
  }

  private async add(batch: readonly Outstanding[]): Promise<void> {
    const options: JobsOptions = { attempts: this.entry.maxRetries + 1, backoff: { type: 'reliabench' }, removeOnComplete: false, removeOnFail: false };
    const jobs = batch.map((o) => ({ name: TRIAL_JOB, data: jobData(o), opts: { ...options, jobId: o.jobId } }));
    await this.ctx.redis(() => this.queue.addBulk(jobs), 'enqueueing trials');
    for (const o of batch) this.outstanding.set(o.jobId, o);
    this.ctx.wake();
  }

  private space(): Promise<void> {
    if (this.ctx.soft.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        this.ctx.soft.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.push(wake);
      this.ctx.soft.addEventListener('abort', wake, { once: true });
    });
  }

  private async harvestCompleted(): Promise<number> {
    const start = this.page * PAGE;
    const ids = await this.ctx.redis(() => this.queue.getRanges(['completed'], start, start + PAGE - 1, true), 'reading results');
    const mine: string[] = [];
    const stale: string[] = [];
    for (const id of ids) {
      if (this.outstanding.has(id)) mine.push(id);
      else if (this.isStored(id)) stale.push(id); // committed, but the coordinator stopped before removing the job
    }
    // Completed jobs neither ours nor stored were enqueued by an earlier session and are not pulled yet: look further.
    this.page = mine.length + stale.length === 0 && ids.length === PAGE ? this.page + 1 : 0;
    if (stale.length > 0) await this.ctx.redis(() => Promise.all(stale.map((id) => this.queue.remove(id))), 'removing stored results');
    if (mine.length === 0) return stale.length;

    const jobs = await this.ctx.redis(() => Promise.all(mine.map((id) => this.queue.getJob(id))), 'reading results');
    const saves: Promise<void>[] = [];
    const recorded: [string, TrialResult][] = [];
    const done: string[] = [];
    let requests = 0;
    for (const job of jobs) {
      const o = job?.id === undefined ? undefined : this.outstanding.get(job.id);
      if (job === undefined || o === undefined) continue;
      const { result, fresh, error } = outcomeToResult(job.returnvalue, this.entry);
      requests += result.attempts;
      done.push(o.jobId);
      if (error === undefined) {
        this.ctx.budget.onRequestSuccess(this.entry.key);
        saves.push(this.ctx.recorder.saveAnswer(o.trial, result, this.meta, o.cacheKey, fresh));
      } else {
        const reason = this.ctx.budget.onRequestFailure(this.entry.key, `${this.entry.key} (${this.entry.spec})`, error);
        if (reason !== undefined) {
          this.ctx.fail(reason); // not recorded: the trial stays to do (its job is removed below, so a resume asks again)
          this.outstanding.delete(o.jobId);
          continue;
        }
        saves.push(this.ctx.recorder.saveError(o.trial, result, this.meta));
      }
      recorded.push([o.jobId, result]);
    }
    this.ctx.onRequests(requests);
    this.ctx.recorder.flush();
    try {
      await Promise.all(saves);
    } catch (error) {
      this.ctx.fatal(error);
      return 0;
    }
    for (const [jobId, result] of recorded) {
      this.outstanding.delete(jobId);
      this.ctx.onRecorded(this.entry.key, result);
    }
    this.wakeWaiters();
    await this.ctx.redis(() => Promise.all(done.map((id) => this.queue.remove(id))), 'removing stored results');
    return mine.length;
  }

  /** Jobs BullMQ gave up on: a worker that cannot run the model fails the run; anything else is tried again. */
  private async checkFailed(): Promise<number> {
    const ids = (await this.ctx.redis(() => this.queue.getRanges(['failed'], 0, PAGE - 1, true), 'reading failures')).filter((id) => this.outstanding.has(id));
    for (const id of ids) {
      const job = await this.ctx.redis(() => this.queue.getJob(id), 'reading failures');
      if (job === undefined) continue;
      const reason = job.failedReason ?? 'unknown reason';
      if (reason.startsWith(WORKER_CANNOT_RUN)) {
        this.ctx.fail(`${this.entry.key} (${this.entry.spec}): worker ${reason.slice(WORKER_CANNOT_RUN.length)}; fix that worker's environment (or stop it) and run the same command to resume`);
        return ids.length;
      }
      const tries = (this.jobRetries.get(id) ?? 0) + 1;
      if (tries > MAX_JOB_RETRIES) {
        this.ctx.fail(`${this.entry.key}: trial ${id} failed on the workers ${tries} times (last: ${reason}); see the workers' logs, then run the same command to resume`);
        return ids.length;
      }
      this.jobRetries.set(id, tries);
      await this.ctx.redis(() => job.retry('failed'), 'retrying a failed trial');
    }
    return ids.length;
  }

  private isStored(jobId: string): boolean {
    const key = parseTrialJobId(jobId);
    if (key === undefined) return false;
    const status = this.ctx.storedStatus(this.entry.key, key.itemId, key.templateId, key.sample);
    return status === 'answered' || (status === 'error' && !this.ctx.retryErrors);
  }

  private wakeWaiters(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}

function jobData(o: Outstanding): TrialJob {
  const { temperature, maxTokens, seed, stop } = o.settings;
  return {
    item: o.trial.item.id,
    template: o.trial.template.id,
    sample: o.trial.sample,
    prompt: o.trial.prompt,
    settings: { temperature, maxTokens, ...(seed === undefined ? {} : { seed }), ...(stop === undefined ? {} : { stop: [...stop] }) },
  };
}
