import { z } from 'zod';
import { sha256Hex } from '../core/hash.js';
import type { ModelErrorCode } from '../models/model-adapter.js';

/**
 * What coordinator and workers say to each other through Redis (docs/queue.md). Everything here is
 * plain JSON without secrets: model specs as typed (keys stay in each worker's environment), prompts,
 * settings, and the answers. Whatever is read back from Redis is validated before it is used.
 */

/** Every Redis key and BullMQ queue of reliabench starts with this prefix. */
export const KEY_PREFIX = 'reliabench';
/** Hash: run id → RunAnnouncement JSON, for every run that workers should serve now. */
export const REGISTRY_KEY = `${KEY_PREFIX}:registry:runs`;
/** BullMQ job name of a trial. */
export const TRIAL_JOB = 'trial';
/** A failed job whose reason starts with this cannot be run by a worker (e.g. a key is missing); the run fails with the rest of the reason. */
export const WORKER_CANNOT_RUN = 'reliabench worker cannot run: ';

const MODEL_ERROR_CODES = ['RATE_LIMITED', 'OVERLOADED', 'SERVER_ERROR', 'TIMEOUT', 'NETWORK', 'BAD_RESPONSE', 'AUTH', 'BAD_REQUEST', 'CANCELLED'] as const satisfies readonly ModelErrorCode[];

/** One model of a run, as workers need it to build an adapter and to treat errors like the local engine. */
export const QueueModelSchema = z.object({
  key: z.string(),
  /** BullMQ queue name (one queue per run and model, so its rate limit is the model's). */
  queue: z.string(),
  /** The spec as typed, e.g. `openai:gpt-4o-mini`; `?mode=` is added by the worker when missing. */
  spec: z.string(),
  mode: z.enum(['chat', 'completion']),
  timeoutMs: z.number().positive(),
  maxRetries: z.number().int().min(0),
  backoff: z.object({ baseMs: z.number().min(0), capMs: z.number().min(0) }),
  /** A Retry-After longer than this ends the trial as an error (the coordinator then fails the run). */
  maxRetryAfterMs: z.number().positive(),
});
export type QueueModel = z.infer<typeof QueueModelSchema>;

export const RunAnnouncementSchema = z.object({
  v: z.literal(1),
  runId: z.string(),
  models: z.array(QueueModelSchema),
});
export type RunAnnouncement = z.infer<typeof RunAnnouncementSchema>;

/** A job's data: one trial, its prompt already rendered in the model's mode. */
export interface TrialJob {
  item: string;
  template: string;
  sample: number;
  prompt: string;
  settings: { temperature: number; maxTokens: number; seed?: number; stop?: string[] };
}

/**
 * Checks a job's data by hand (this runs once per trial on the workers' hot path, where a schema
 * library costs more than the check); returns the trial, or what is wrong with it.
 */
export function parseTrialJob(value: unknown): TrialJob | string {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const v = value as Record<string, unknown>;
  if (typeof v['item'] !== 'string' || typeof v['template'] !== 'string' || typeof v['prompt'] !== 'string') return 'item, template and prompt must be strings';
  if (!Number.isInteger(v['sample']) || (v['sample'] as number) < 0) return 'sample must be a whole number ≥ 0';
  const st = v['settings'] as Record<string, unknown> | null | undefined;
  if (typeof st !== 'object' || st === null || typeof st['temperature'] !== 'number' || typeof st['maxTokens'] !== 'number') return 'settings need temperature and maxTokens';
  if (st['seed'] !== undefined && typeof st['seed'] !== 'number') return 'settings.seed must be a number';
  if (st['stop'] !== undefined && !(Array.isArray(st['stop']) && st['stop'].every((x) => typeof x === 'string'))) return 'settings.stop must be a list of strings';
  return value as TrialJob;
}

const Usage = z.object({ inputTokens: z.number().optional(), outputTokens: z.number().optional() });

/** A job's return value: what the worker got, the way the local engine would have recorded it. */
export const TrialOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('answered'),
    text: z.string(),
    finishReason: z.enum(['stop', 'length', 'content-filter', 'other']),
    usage: Usage,
    latencyMs: z.number(),
    warnings: z.array(z.string()),
    raw: z.unknown().optional(),
    attempts: z.number().int().min(1),
    worker: z.string(),
  }),
  z.object({
    status: z.literal('error'),
    code: z.enum(MODEL_ERROR_CODES),
    message: z.string(),
    latencyMs: z.number(),
    attempts: z.number().int().min(1),
    retryAfterMs: z.number().optional(),
    worker: z.string(),
  }),
]);
export type TrialOutcome = z.infer<typeof TrialOutcomeSchema>;

/** One queue per run and model; BullMQ forbids ':' in queue names, model keys may hold one. */
export function queueName(runId: string, modelKey: string): string {
  const run = runId.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 80);
  return `${run}.${sha256Hex(`${runId}\u0000${modelKey}`).slice(0, 12)}`;
}

/** A trial's key within its queue, reversible; BullMQ forbids ':' and all-digit ids, so parts are URI-encoded and joined with '|'. */
export function trialJobId(itemId: string, templateId: string, sample: number): string {
  return `${encodeURIComponent(itemId)}|${encodeURIComponent(templateId)}|${sample}`;
}

export function parseTrialJobId(jobId: string): { itemId: string; templateId: string; sample: number } | undefined {
  const parts = jobId.split('|');
  if (parts.length !== 3 || !/^\d+$/.test(parts[2] ?? '')) return undefined;
  try {
    return { itemId: decodeURIComponent(parts[0] ?? ''), templateId: decodeURIComponent(parts[1] ?? ''), sample: Number(parts[2]) };
  } catch {
    return undefined;
  }
}

/**
 * BullMQ's rate limit is a fixed window (at most `max` jobs start per `duration` ms, per queue, across
 * all workers), counted when a worker takes the job, not when the request reaches the provider. Two
 * choices keep the provider's view within the limit over any stretch of time:
 * - short windows (about a tenth of a second), so bursts are small;
 * - a margin: jobs start at RATE_MARGIN of the limit, because a worker slowed for a moment (CPU, GC,
 *   network) sends requests taken in one window together with the next window's. At 100/s the margin of
 *   5 requests/s absorbs up to half a second of such delay over any 5-second window.
 * The window is rounded up, so jobs never start faster than the margin allows.
 */
export const RATE_MARGIN = 0.95;

export function limiterWindow(requestsPerSecond: number): { max: number; duration: number } {
  if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) throw new RangeError(`a rate limit must be > 0 requests per second, got ${requestsPerSecond}`);
  const rate = requestsPerSecond * RATE_MARGIN;
  const max = Math.max(1, Math.floor(rate / 10));
  return { max, duration: Math.ceil((1000 * max) / rate) };
}

/** No limit set: a window that never binds, so that a worker's Retry-After pause (a BullMQ rate limit) still works. */
export const UNLIMITED_WINDOW = { max: 1_000_000_000, duration: 1_000 } as const;
