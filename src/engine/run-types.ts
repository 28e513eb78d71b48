import type { DomainName, Item } from '../core/item.js';
import type { RenderMode, Template } from '../core/template.js';
import type { GenerationSettings, ModelAdapter, ModelErrorCode, TokenUsage } from '../models/model-adapter.js';

/**
 * The types shared by the engine (plan → execute → trials) and its callers (the CLI `run` command,
 * later the queue workers). The engine knows nothing of the terminal: it emits RunEvents.
 */

/** Price in US dollars per million tokens; unknown models cost nothing (and say so in the summary). */
export interface Pricing {
  inputPerMTok: number;
  outputPerMTok: number;
}

export interface ConcurrencyLimits {
  /** Requests in flight at the start. */
  start: number;
  /** Never below this, however many 429s arrive. */
  floor: number;
  /** Never above this, however well it goes. */
  ceiling: number;
}

/** Everything the engine needs to know about one model in a run. */
export interface ModelEntry {
  /** Short stable name used in the store and reports, e.g. `gpt-4o-mini` (unique within a run). */
  key: string;
  /** The spec string it came from (no secrets in it). */
  spec: string;
  adapter: ModelAdapter;
  /** Settings per domain (max tokens differ per domain); temperature 0 by default. */
  settings: Record<DomainName, GenerationSettings>;
  /** Samples per prompt (≥ 1); with temperature 0 one is enough. */
  samples: number;
  concurrency: ConcurrencyLimits;
  /** Per-request deadline. */
  timeoutMs: number;
  /** Retries after the first attempt for retryable errors. */
  maxRetries: number;
  pricing?: Pricing;
  /** Free-form metadata for the trend analyses (family, size, training compute, raw or shaped). */
  metadata?: Record<string, string | number | boolean>;
  /**
   * Use the response cache (look up before calling, store fresh answers). Default: true, except for
   * the replay adapter, whose answers come from a file that may change under the same prompt.
   */
  cache?: boolean;
  /**
   * Mixed into the cache key when set: e.g. the base URL of an openai-compatible server, when two
   * servers answer under one model name with different weights. Never put a secret here.
   */
  cacheScope?: string;
  /** Completion mode only: add the documented default stop sequences (stop-rule.ts). Default true. */
  defaultStops?: boolean;
}

export interface PlanFilter {
  domains?: readonly DomainName[];
  templateIds?: readonly string[];
  /** Inclusive range on the calibrated 0–100 difficulty. */
  difficulty?: { min: number; max: number };
  /** At most this many items per domain (after the other filters), taken in item-set order. */
  limitPerDomain?: number;
}

/** One unit of work: a model answering one item through one template, one sample. */
export interface PlannedTrial {
  modelKey: string;
  item: Item;
  template: Template;
  sample: number;
  mode: RenderMode;
  prompt: string;
}

export interface TrialResult {
  status: 'answered' | 'error';
  text?: string;
  finishReason?: string;
  usage: TokenUsage;
  costUsd: number;
  latencyMs: number;
  /** Attempts made, the first included; 0 for a cache hit. */
  attempts: number;
  cached: boolean;
  errorCode?: ModelErrorCode;
  errorMessage?: string;
  warnings: string[];
}

/** Where the executor takes its trials from: `buildPlan` (plan.ts) makes one, lazily. */
export interface TrialSource {
  /** Trials in the plan over all models (stored ones included). */
  total: number;
  /**
   * One model's trials in a fixed order, rendered as they are pulled, never all at once. Trials for
   * which `skip` returns true (already stored) are left out before their prompt is rendered.
   */
  trialsFor(modelKey: string, skip?: SkipTrial): Iterable<PlannedTrial>;
}

export type SkipTrial = (itemId: string, templateId: string, sample: number) => boolean;

export type RunEvent =
  | { type: 'run-start'; runId: string; total: number; alreadyDone: number }
  | { type: 'trial-done'; modelKey: string; status: TrialResult['status']; cached: boolean; done: number; total: number; errors: number }
  | { type: 'retry'; modelKey: string; code: ModelErrorCode; attempt: number; delayMs: number }
  | { type: 'concurrency'; modelKey: string; limit: number; reason: 'backoff' | 'grow' }
  /** The provider asked to wait (Retry-After): no new request to this model before `untilMs` (epoch ms). */
  | { type: 'paused'; modelKey: string; code: ModelErrorCode; untilMs: number }
  | { type: 'run-end'; runId: string; status: RunStatus; done: number; total: number; errors: number; costUsd: number; reason?: string };

export type RunStatus = 'running' | 'completed' | 'stopped' | 'failed';

/** What executeRun returns; counts cover the whole run (earlier sessions included) unless named `session…`. */
export interface RunSummary {
  runId: string;
  status: Exclude<RunStatus, 'running'>;
  /** Why the run failed or stopped, in words a person can act on. */
  reason?: string;
  total: number;
  /** Trials stored for this run (answered + errors). */
  done: number;
  answered: number;
  errors: number;
  /** Trials answered from the response cache (whole run). */
  cached: number;
  inputTokens: number;
  outputTokens: number;
  /** Money spent by the run's trials (cache hits cost nothing). */
  costUsd: number;
  /** Model keys with no price (their trials count 0 in costUsd). */
  unpriced: string[];
  /** Requests sent to models in this session (every attempt). */
  sessionRequests: number;
  /** Trials finished in this session. */
  sessionTrials: number;
  durationMs: number;
}
