import { ReliabenchError } from '../core/errors.js';
import { canonicalJson } from '../core/hash.js';
import type { Db } from '../store/sqlite/open-workspace.js';
import { createRun, getRun, getRunModels, saveRunModel, setRunTotal, type RunModelRecord } from '../store/sqlite/runs-repo.js';
import type { ModelEntry, PlanFilter } from './run-types.js';

/** Version of the completion stop rule (stop-rule.ts), recorded with each model of a run. */
export const STOP_RULE = 'completion-stops-v1: "\\n\\n" and "\\n" + cue';

export interface RunIdentity {
  runId: string;
  itemSetId?: string | null | undefined;
  filter?: PlanFilter | undefined;
  config?: Record<string, unknown> | undefined;
  total: number;
}

/**
 * Creates the run, or checks that a resumed run is the same run: same item set, same filter, and each
 * model key with the same provider, model, mode, settings and samples (else its trials would mix
 * answers to different questions). Execution choices (concurrency, timeouts, retries) may change.
 * Models new to the run are added.
 */
export function recordRun(db: Db, identity: RunIdentity, models: readonly ModelEntry[]): { resumed: boolean } {
  const created = createRun(db, {
    id: identity.runId,
    itemSetId: identity.itemSetId ?? null,
    filter: identity.filter ?? {},
    config: identity.config ?? {},
    totalTrials: identity.total,
  });
  if (!created) {
    const run = getRun(db, identity.runId);
    if (run === undefined) throw new ReliabenchError('STORE_ERROR', `run ${identity.runId} vanished from the store while being resumed`);
    if (identity.itemSetId !== undefined && (identity.itemSetId ?? null) !== run.itemSetId) {
      throw mismatch(identity.runId, `item set ${run.itemSetId ?? '(none)'}`, `item set ${identity.itemSetId ?? '(none)'}`);
    }
    if (identity.filter !== undefined && canonicalJson(identity.filter) !== canonicalJson(run.filter)) {
      throw mismatch(identity.runId, `filter ${canonicalJson(run.filter)}`, `filter ${canonicalJson(identity.filter)}`);
    }
    const stored = new Map(getRunModels(db, identity.runId).map((m) => [m.modelKey, m]));
    for (const entry of models) {
      const before = stored.get(entry.key);
      if (before === undefined) continue;
      const now = runModelRecord(entry);
      const what = (m: RunModelRecord): string => canonicalJson({ provider: m.provider, modelId: m.modelId, mode: m.mode, settings: m.settings, samples: m.samples });
      if (what(before) !== what(now)) throw mismatch(identity.runId, `model ${entry.key} = ${what(before)}`, what(now));
    }
    setRunTotal(db, identity.runId, identity.total);
  }
  for (const entry of models) saveRunModel(db, identity.runId, runModelRecord(entry));
  return { resumed: !created };
}

export function runModelRecord(entry: ModelEntry): RunModelRecord {
  return {
    modelKey: entry.key,
    spec: entry.spec,
    provider: entry.adapter.provider,
    modelId: entry.adapter.modelId,
    mode: entry.adapter.mode,
    settings: entry.settings,
    samples: entry.samples,
    metadata: entry.metadata ?? {},
    pricing: entry.pricing ?? null,
    execution: {
      concurrency: entry.concurrency,
      timeoutMs: entry.timeoutMs,
      maxRetries: entry.maxRetries,
      cache: entry.cache ?? entry.adapter.provider !== 'replay',
      ...(entry.cacheScope === undefined ? {} : { cacheScope: entry.cacheScope }),
      stopRule: entry.adapter.mode === 'completion' && entry.defaultStops !== false ? STOP_RULE : 'none',
    },
  };
}

function mismatch(runId: string, before: string, now: string): ReliabenchError {
  return new ReliabenchError(
    'BAD_ARGUMENT',
    `run ${runId} was started with ${before}, not ${now}; resuming it so would mix different trials: resume it as it was, or start a new run`,
    { input: runId },
  );
}

/** Checks the parts of a ModelEntry the engine relies on; the message names the model and the fix. */
export function checkModelEntries(models: readonly ModelEntry[]): void {
  const keys = new Set<string>();
  for (const m of models) {
    const bad = (what: string): ReliabenchError => new ReliabenchError('BAD_ARGUMENT', `model ${m.key}: ${what}`, { input: m.key });
    if (m.key.trim() === '') throw new ReliabenchError('BAD_ARGUMENT', `a model of spec ${m.spec} has an empty key; give it a short name`);
    if (keys.has(m.key)) throw bad('the key is used twice in one run; give each model its own key');
    keys.add(m.key);
    const { start, floor, ceiling } = m.concurrency;
    if (![start, floor, ceiling].every((n) => Number.isInteger(n)) || !(floor >= 1 && floor <= start && start <= ceiling)) {
      throw bad(`concurrency needs whole numbers with 1 ≤ floor ≤ start ≤ ceiling, got floor ${floor}, start ${start}, ceiling ${ceiling}`);
    }
    if (!(m.timeoutMs > 0)) throw bad(`the request timeout must be > 0 ms, got ${m.timeoutMs}`);
    if (!Number.isInteger(m.maxRetries) || m.maxRetries < 0) throw bad(`max retries must be a whole number ≥ 0, got ${m.maxRetries}`);
    if (!Number.isInteger(m.samples) || m.samples < 1) throw bad(`samples must be a whole number ≥ 1, got ${m.samples}`);
  }
}
