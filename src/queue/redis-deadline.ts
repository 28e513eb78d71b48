import type { RedisTarget } from './redis-url.js';

/** Redis did not answer within the run's deadline: the run fails with this message (stored trials are kept). */
export class RedisLostError extends Error {
  override readonly name = 'RedisLostError';
}

/**
 * BullMQ's commands wait while Redis is down (and succeed once it is back), which rides out a restart
 * but would hang a run forever on an outage. Every Redis operation of the coordinator goes through
 * `run`, which gives up after `timeoutMs` with a message saying what to do.
 *
 * A command already sent when the connection drops is not waited for: ioredis rejects it ("Command
 * aborted due to connection close"), and BullMQ's pipelines are among those. `run` then sends the
 * operation again once Redis answers, within the same deadline; every operation the coordinator runs
 * may be repeated (reads, removals, pauses, and jobs added under their own ids).
 */
export class RedisDeadline {
  static readonly Lost = RedisLostError;
  /** True once an operation timed out. */
  lost = false;

  constructor(private readonly target: RedisTarget, private readonly timeoutMs: number, private readonly storedTrials: () => number, private readonly retryMs = 100) {}

  async run<T>(operation: () => Promise<T>, what: string): Promise<T> {
    const giveUpAt = Date.now() + this.timeoutMs;
    for (;;) {
      const left = giveUpAt - Date.now();
      try {
        return await this.within(operation(), Math.max(0, left), what);
      } catch (error) {
        if (!isDroppedConnection(error)) throw error;
        if (Date.now() + this.retryMs >= giveUpAt) throw this.lostError(what);
        await new Promise((resolve) => setTimeout(resolve, this.retryMs));
      }
    }
  }

  private lostError(what: string): RedisLostError {
    this.lost = true;
    return new RedisLostError(
      `lost Redis at ${this.target.display}: no answer for ${Math.round(this.timeoutMs / 1000)} s while ${what}; the ${this.storedTrials()} trials stored so far are kept — start Redis again and run the same command to resume`,
    );
  }

  private within<T>(operation: Promise<T>, ms: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(this.lostError(what)), ms);
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

/** ioredis's rejection of a command in flight when its connection closed (the command may be sent again). */
export function isDroppedConnection(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof RedisLostError) return false;
  return /Command aborted due to connection close|Connection is closed|ECONNRESET|ECONNREFUSED|EPIPE/.test(`${error.name}: ${error.message}`);
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
