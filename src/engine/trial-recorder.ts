import type { ModelError, ModelResponse } from '../models/model-adapter.js';
import type { Db } from '../store/sqlite/open-workspace.js';
import { FacetSync } from '../store/sqlite/facet-sync.js';
import { ResponseCache, type CachedResponse } from '../store/sqlite/response-cache.js';
import { TrialsRepo, type TrialRecord } from '../store/sqlite/trials-repo.js';
import type { PlannedTrial, TrialResult } from './run-types.js';

/**
 * Writes finished trials by group commit: a finished trial is queued and the queue is committed in one
 * small transaction (WAL) on the next turn of the event loop; the save resolves once committed. Trials
 * keep their concurrency slot until then, so a `kill -9` loses at most the trials in progress, and a
 * busy run pays for one commit per turn, not one per trial. A fresh answer goes into the response cache
 * in the same transaction as its trial: either both are stored or neither. A failing write rejects the
 * saves of its batch and is reported to `onFatal` (the run then stops).
 *
 * The viewer's facets of the new trials (facet-sync.ts) are added in bulk, in the commit that falls
 * due once `facetSyncMs` has passed since the last, and by `finish`: the viewer sees a running run at
 * most that far behind, and a large batch of facets costs far less per trial than a small one.
 */
export class TrialRecorder {
  private readonly trials: TrialsRepo;
  private readonly cache: ResponseCache;
  private pending: PendingWrite[] = [];
  private committed: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private readonly commitTx: (writes: readonly PendingWrite[], syncFacets: boolean) => void;
  private readonly facets: FacetSync;
  /** Trials stored after this trials rowid have no facet yet. */
  private facetMark: number;
  private lastFacetSync = performance.now();

  constructor(
    db: Db,
    private readonly runId: string,
    private readonly onFatal: (error: unknown) => void = (e) => { throw e; },
    private readonly facetSyncMs = 1_000,
  ) {
    this.trials = new TrialsRepo(db);
    this.cache = new ResponseCache(db);
    this.facets = new FacetSync(db);
    // A resumed run may have trials a crash kept from their facets; their facets are added first.
    this.facetMark = db.transaction(() => {
      this.facets.addMissing(runId);
      return this.facets.trialMark();
    })();
    this.commitTx = db.transaction((writes: readonly PendingWrite[], syncFacets: boolean) => {
      for (const w of writes) {
        if (w.cacheKey !== undefined && w.fresh !== undefined) this.cache.put(w.cacheKey, w.meta, w.fresh);
        this.trials.save(w.record);
      }
      if (syncFacets) this.facetMark = this.facets.addAfter(this.facetMark);
    });
  }

  storedKeys(modelKey: string, answeredOnly: boolean): Set<string> {
    return this.trials.storedKeys(this.runId, modelKey, answeredOnly);
  }

  lookup(cacheKey: string): CachedResponse | undefined {
    return this.cache.get(cacheKey);
  }

  lookupMany(cacheKeys: readonly string[]): Map<string, CachedResponse> {
    return this.cache.getMany(cacheKeys);
  }

  /**
   * A fresh answer (stored in the cache too when cacheKey is set) or a cache hit (fresh undefined).
   * Resolves once committed; the lane keeps the trial's concurrency slot until then, so trials in
   * progress (asked or awaiting commit) never exceed the limit and a kill loses at most that many.
   */
  saveAnswer(trial: PlannedTrial, result: TrialResult, meta: CacheMeta, cacheKey: string | undefined, fresh?: ModelResponse): Promise<void> {
    const cached: CachedResponse | undefined =
      fresh === undefined
        ? undefined
        : {
            text: fresh.text,
            finishReason: fresh.finishReason,
            inputTokens: fresh.usage.inputTokens ?? null,
            outputTokens: fresh.usage.outputTokens ?? null,
            latencyMs: fresh.latencyMs,
            warnings: fresh.warnings,
            raw: fresh.raw ?? null,
          };
    return this.enqueue({ record: this.record(trial, result, cacheKey ?? null), cacheKey, fresh: cached, meta });
  }

  saveError(trial: PlannedTrial, result: TrialResult, meta: CacheMeta): Promise<void> {
    return this.enqueue({ record: this.record(trial, result, null), cacheKey: undefined, fresh: undefined, meta });
  }

  /** Commits whatever is queued, now. */
  flush(): void {
    this.commit(false);
  }

  /** Commits whatever is queued and adds the facets of every trial stored so far: call once the run's lanes are done. */
  finish(): void {
    this.commit(true);
  }

  private commit(final: boolean): void {
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.pending.length === 0 && !final) return;
    const syncFacets = final || performance.now() - this.lastFacetSync >= this.facetSyncMs;
    if (syncFacets) this.lastFacetSync = performance.now();
    const writes = this.pending;
    const waiting = this.committed;
    this.pending = [];
    this.committed = [];
    try {
      this.commitTx(writes, syncFacets);
    } catch (error) {
      this.onFatal(error);
      for (const w of waiting) w.reject(error);
      return;
    }
    for (const w of waiting) w.resolve();
  }

  private enqueue(write: PendingWrite): Promise<void> {
    this.pending.push(write);
    this.scheduled ??= setImmediate(() => this.flush());
    return new Promise((resolve, reject) => this.committed.push({ resolve, reject }));
  }

  private record(trial: PlannedTrial, r: TrialResult, responseKey: string | null): TrialRecord {
    return {
      runId: this.runId,
      modelKey: trial.modelKey,
      itemId: trial.item.id,
      templateId: trial.template.id,
      sample: trial.sample,
      mode: trial.mode,
      prompt: trial.prompt,
      status: r.status,
      text: r.status === 'answered' ? (r.text ?? '') : null,
      finishReason: r.finishReason ?? null,
      inputTokens: r.usage.inputTokens ?? null,
      outputTokens: r.usage.outputTokens ?? null,
      costUsd: r.costUsd,
      latencyMs: Math.round(r.latencyMs),
      attempts: r.attempts,
      cached: r.cached,
      responseKey: r.status === 'answered' ? responseKey : null,
      errorCode: r.status === 'error' ? (r.errorCode ?? 'BAD_RESPONSE') : null,
      errorMessage: r.errorMessage ?? null,
      warnings: r.warnings,
      createdAt: new Date().toISOString(),
    };
  }
}

interface PendingWrite {
  record: TrialRecord;
  cacheKey: string | undefined;
  fresh: CachedResponse | undefined;
  meta: CacheMeta;
}

export interface CacheMeta {
  provider: string;
  modelId: string;
  mode: 'chat' | 'completion';
}

/** The TrialResult of a cache hit: no request, no cost; tokens and latency as first measured. */
export function cachedResult(hit: CachedResponse): TrialResult {
  return {
    status: 'answered',
    text: hit.text,
    finishReason: hit.finishReason,
    usage: { ...(hit.inputTokens === null ? {} : { inputTokens: hit.inputTokens }), ...(hit.outputTokens === null ? {} : { outputTokens: hit.outputTokens }) },
    costUsd: 0,
    latencyMs: hit.latencyMs,
    attempts: 0,
    cached: true,
    warnings: hit.warnings,
  };
}

export function errorResult(error: ModelError, attempts: number, latencyMs: number): TrialResult {
  return { status: 'error', usage: {}, costUsd: 0, latencyMs, attempts, cached: false, errorCode: error.code, errorMessage: error.message, warnings: [] };
}
