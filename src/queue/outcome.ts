import { costOf } from '../engine/prices.js';
import type { ModelEntry, TrialResult } from '../engine/run-types.js';
import { ModelError, type ModelResponse } from '../models/model-adapter.js';
import { TrialOutcomeSchema } from './queue-protocol.js';

/**
 * A worker's return value as the coordinator records it: the TrialResult the local engine would have
 * made (cost from the coordinator's prices), the fresh response for the response cache, and, for an
 * error, the ModelError the error budget judges. A value that does not parse is recorded as a
 * BAD_RESPONSE error rather than trusted.
 */
export interface RecordedOutcome {
  result: TrialResult;
  fresh?: ModelResponse;
  error?: ModelError;
}

export function outcomeToResult(value: unknown, entry: Pick<ModelEntry, 'pricing'>): RecordedOutcome {
  const parsed = TrialOutcomeSchema.safeParse(value);
  if (!parsed.success) {
    const message = `the worker's result could not be read (${parsed.error.issues[0]?.message ?? 'invalid'}); are coordinator and workers the same version?`;
    return errorOutcome(new ModelError('BAD_RESPONSE', message), 1, 0);
  }
  const o = parsed.data;
  if (o.status === 'error') {
    return errorOutcome(new ModelError(o.code, o.message, o.retryAfterMs === undefined ? {} : { retryAfterMs: o.retryAfterMs }), o.attempts, o.latencyMs);
  }
  const usage = { ...(o.usage.inputTokens === undefined ? {} : { inputTokens: o.usage.inputTokens }), ...(o.usage.outputTokens === undefined ? {} : { outputTokens: o.usage.outputTokens }) };
  const fresh: ModelResponse = { text: o.text, finishReason: o.finishReason, usage, warnings: o.warnings, latencyMs: o.latencyMs, ...(o.raw === undefined ? {} : { raw: o.raw }) };
  return {
    result: {
      status: 'answered',
      text: o.text,
      finishReason: o.finishReason,
      usage,
      costUsd: costOf(usage, entry.pricing),
      latencyMs: o.latencyMs,
      attempts: o.attempts,
      cached: false,
      warnings: o.warnings,
    },
    fresh,
  };
}

function errorOutcome(error: ModelError, attempts: number, latencyMs: number): RecordedOutcome {
  return {
    result: { status: 'error', usage: {}, costUsd: 0, latencyMs, attempts, cached: false, errorCode: error.code, errorMessage: error.message, warnings: [] },
    error,
  };
}
