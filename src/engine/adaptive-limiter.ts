import type { ConcurrencyLimits } from './run-types.js';

/**
 * Per-model concurrency by AIMD, like TCP congestion control:
 * - a RATE_LIMITED or OVERLOADED answer halves the limit (never below `floor`) — once per congestion
 *   event: requests that were already in flight when the limit was cut do not cut it again;
 * - every `growAfter(limit)` consecutive successes raise it by one (never above `ceiling`); by default
 *   a streak as long as the limit itself, i.e. +1 per round of requests. Any failure resets the streak;
 * - a Retry-After pauses every new request to the model until that moment (`pausedFor`).
 * A slot is held by a trial from its first attempt to its end, backoff sleeps included.
 */
export interface LimiterOptions {
  growAfter?: (limit: number) => number;
  onChange?: (limit: number, reason: 'backoff' | 'grow') => void;
  now?: () => number;
}

export class AdaptiveLimiter {
  private current: number;
  private active = 0;
  private streak = 0;
  private congestionEpoch = 0;
  private pausedUntilMs = 0;
  private waiters: (() => void)[] = [];
  private readonly growAfter: (limit: number) => number;
  private readonly onChange: (limit: number, reason: 'backoff' | 'grow') => void;
  private readonly now: () => number;

  constructor(private readonly limits: ConcurrencyLimits, options: LimiterOptions = {}) {
    if (!(Number.isInteger(limits.floor) && limits.floor >= 1 && limits.floor <= limits.start && limits.start <= limits.ceiling && Number.isInteger(limits.ceiling))) {
      throw new RangeError(`concurrency needs whole numbers 1 ≤ floor ≤ start ≤ ceiling, got floor ${limits.floor}, start ${limits.start}, ceiling ${limits.ceiling}`);
    }
    this.current = limits.start;
    this.growAfter = options.growAfter ?? ((limit) => limit);
    this.onChange = options.onChange ?? (() => {});
    this.now = options.now ?? Date.now;
  }

  get limit(): number {
    return this.current;
  }

  get inFlight(): number {
    return this.active;
  }

  /** Identifies the current congestion window; pass it back to `onCongestion` for a request started now. */
  get epoch(): number {
    return this.congestionEpoch;
  }

  /** Takes a slot if one is free. */
  tryAcquire(): boolean {
    if (this.active >= this.current) return false;
    this.active++;
    return true;
  }

  /** Resolves when a slot may be free (call tryAcquire again), or when `signal` aborts. */
  whenSlotFree(signal: AbortSignal): Promise<void> {
    if (this.active < this.current || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.push(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  release(): void {
    this.active--;
    this.wake();
  }

  onSuccess(): void {
    this.streak++;
    if (this.streak >= this.growAfter(this.current) && this.current < this.limits.ceiling) {
      this.current++;
      this.streak = 0;
      this.onChange(this.current, 'grow');
      this.wake();
    }
  }

  /** Any failure ends the success streak. */
  onFailure(): void {
    this.streak = 0;
  }

  /** A 429 or overload answer to a request started in `epochAtStart`; true when the limit was cut. */
  onCongestion(epochAtStart: number): boolean {
    this.streak = 0;
    if (epochAtStart !== this.congestionEpoch) return false;
    this.congestionEpoch++;
    const next = Math.max(this.limits.floor, Math.floor(this.current / 2));
    if (next === this.current) return false;
    this.current = next;
    this.onChange(next, 'backoff');
    return true;
  }

  /** No new request before now + ms (a later pause wins over an earlier one); returns the pause's end. */
  pause(ms: number): number {
    this.pausedUntilMs = Math.max(this.pausedUntilMs, this.now() + ms);
    return this.pausedUntilMs;
  }

  /** Milliseconds left of the current pause (0 when not paused). */
  pausedFor(): number {
    return Math.max(0, this.pausedUntilMs - this.now());
  }

  private wake(): void {
    let free = this.current - this.active;
    while (free > 0 && this.waiters.length > 0) {
      this.waiters.shift()?.();
      free--;
    }
  }
}
