import type { RedisTarget } from './redis-url.js';

/** Redis did not answer within the run's deadline: the run fails with this message (stored trials are kept). */
export class RedisLostError extends Error {
  override readonly name = 'RedisLostError';
}

/**
 * BullMQ's commands wait while Redis is down (and succeed once it is back), which rides out a restart
 * but would hang a run forever on an outage. Every Redis operation of the coordinator goes through
 * `run`, which gives up after `timeoutMs` with a message saying what to do.
 */
export class RedisDeadline {
  static readonly Lost = RedisLostError;
  /** True once an operation timed out. */
  lost = false;

  constructor(private readonly target: RedisTarget, private readonly timeoutMs: number, private readonly storedTrials: () => number) {}

  run<T>(operation: Promise<T>, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.lost = true;
        reject(
          new RedisLostError(
            `lost Redis at ${this.target.display}: no answer for ${Math.round(this.timeoutMs / 1000)} s while ${what}; the ${this.storedTrials()} trials stored so far are kept — start Redis again and run the same command to resume`,
          ),
        );
      }, this.timeoutMs);
      operation.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}

/** A sleep that ends early when woken (new jobs were enqueued) or when the signal aborts. */
export class Wakeup {
  private pending: (() => void) | undefined;

  wake(): void {
    this.pending?.();
  }

  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.pending = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.pending = done;
    });
  }
}

/** The promise's value, or a rejection after `ms` (the timer is cleared either way, so it never keeps a process alive). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Closes a BullMQ worker or queue: a graceful close waits for the jobs in progress and for Redis to say
 * goodbye; with Redis gone that never happens, so after `graceMs` the connections are just dropped.
 */
export async function closeOrDrop(closable: { close(force?: boolean): Promise<void>; disconnect(): Promise<void> }, force: boolean, graceMs: number): Promise<void> {
  const closed = await withTimeout(closable.close(force), graceMs).then(() => true, () => false);
  if (!closed) await withTimeout(closable.disconnect(), 1_000).catch(() => undefined);
}
