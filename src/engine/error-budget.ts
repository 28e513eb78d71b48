import type { ModelError, ModelErrorCode } from '../models/model-adapter.js';

/**
 * When to give up on a run (it then ends with status `failed` and one of these reasons), so an
 * unreachable server or a wrong key fails in seconds instead of grinding through every trial:
 * - startup: `startupFailures` requests in a row to a model failed with NETWORK, AUTH or BAD_REQUEST
 *   before any succeeded: nothing will work until a person fixes the spec, the key or the server;
 * - connection lost: at least `consecutiveNetworkFailures` requests in a row failed with NETWORK, over at
 *   least `networkOutageMs` without a success (both: a burst of resets on stale keep-alive sockets is
 *   many failures in an instant, not an outage);
 * - error rate: more than `maxErrorRate` of the last `window` finished trials (cache hits excluded)
 *   were recorded as errors (checked once `window` trials have finished);
 * - a Retry-After longer than `maxRetryAfterMs` (a quota that resets tomorrow is not worth waiting for).
 */
export interface ErrorBudgetOptions {
  startupFailures: number;
  consecutiveNetworkFailures: number;
  networkOutageMs: number;
  window: number;
  maxErrorRate: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_ERROR_BUDGET: Readonly<ErrorBudgetOptions> = {
  startupFailures: 5,
  consecutiveNetworkFailures: 20,
  networkOutageMs: 60_000,
  window: 200,
  maxErrorRate: 0.5,
  maxRetryAfterMs: 300_000,
};

const STARTUP_CODES: ReadonlySet<ModelErrorCode> = new Set(['NETWORK', 'AUTH', 'BAD_REQUEST']);

interface ModelState {
  succeeded: boolean;
  startupStreak: number;
  networkStreak: number;
  networkSince: number;
}

export class ErrorBudget {
  private readonly options: ErrorBudgetOptions;
  private readonly models = new Map<string, ModelState>();
  private readonly recent: boolean[];
  private recentNext = 0;
  private recentFilled = 0;
  private recentErrors = 0;

  constructor(options: Partial<ErrorBudgetOptions> = {}, private readonly now: () => number = Date.now) {
    this.options = { ...DEFAULT_ERROR_BUDGET, ...options };
    this.recent = new Array<boolean>(Math.max(1, this.options.window)).fill(false);
  }

  onRequestSuccess(modelKey: string): void {
    const state = this.state(modelKey);
    state.succeeded = true;
    state.startupStreak = 0;
    state.networkStreak = 0;
  }

  /** A failed request; returns a reason when the run should fail now. */
  onRequestFailure(modelKey: string, label: string, error: ModelError): string | undefined {
    const state = this.state(modelKey);
    if (error.code !== 'NETWORK') state.networkStreak = 0;
    else if (state.networkStreak++ === 0) state.networkSince = this.now();
    if (!state.succeeded) state.startupStreak = STARTUP_CODES.has(error.code) ? state.startupStreak + 1 : 0;
    if (!state.succeeded && state.startupStreak >= this.options.startupFailures) {
      return `${label}: ${state.startupStreak} requests in a row failed before any succeeded (last: ${error.code}: ${error.message}); fix the model spec, key or server and resume the run`;
    }
    const outageMs = this.now() - state.networkSince;
    if (state.networkStreak >= this.options.consecutiveNetworkFailures && outageMs >= this.options.networkOutageMs) {
      return `${label}: ${state.networkStreak} requests in a row over ${Math.round(outageMs / 1000)} s could not reach the model (last: ${error.message}); resume the run when it is reachable again`;
    }
    if (error.retryAfterMs !== undefined && error.retryAfterMs > this.options.maxRetryAfterMs) {
      return `${label}: the provider asks to wait ${Math.round(error.retryAfterMs / 1000)} s before the next request (${error.code}), longer than the ${Math.round(this.options.maxRetryAfterMs / 1000)} s the run waits; resume the run later`;
    }
    return undefined;
  }

  /** A trial was recorded (not from the cache); returns a reason when the run should fail now. */
  onTrialFinished(isError: boolean): string | undefined {
    const size = this.recent.length;
    if (this.recentFilled === size && this.recent[this.recentNext]) this.recentErrors--;
    this.recent[this.recentNext] = isError;
    if (isError) this.recentErrors++;
    this.recentNext = (this.recentNext + 1) % size;
    this.recentFilled = Math.min(size, this.recentFilled + 1);
    if (this.recentFilled === size && this.recentErrors / size > this.options.maxErrorRate) {
      return `${this.recentErrors} of the last ${size} trials ended in errors (more than ${Math.round(this.options.maxErrorRate * 100)}%); see the trials' error messages, fix the cause and resume the run with its errors retried`;
    }
    return undefined;
  }

  private state(modelKey: string): ModelState {
    let state = this.models.get(modelKey);
    if (state === undefined) {
      state = { succeeded: false, startupStreak: 0, networkStreak: 0, networkSince: 0 };
      this.models.set(modelKey, state);
    }
    return state;
  }
}
