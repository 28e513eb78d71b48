/**
 * Exponential backoff with full jitter (the delay is drawn uniformly from [0, min(cap, base·2^(n−1)))),
 * so many clients that failed together do not retry together.
 */
export interface BackoffOptions {
  /** The ceiling of the first retry's delay. Default 500 ms. */
  baseMs: number;
  /** No delay ever exceeds this. Default 30 s. */
  capMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = { baseMs: 500, capMs: 30_000 };

/** The delay before retry number `retry` (1 = the first retry). */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** Resolves true after `ms`, or false as soon as `signal` aborts (at once if it already has). */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
