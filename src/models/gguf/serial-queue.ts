/**
 * One request at a time: the adapter has one context sequence, and node-llama-cpp would otherwise
 * interleave two prompts on it. Waiters are served first come, first served; a waiter whose signal
 * fires leaves the queue at once (rejecting with the signal's reason) without ever holding the lock.
 */
export class SerialQueue {
  private busy = false;
  private readonly waiters: Array<() => void> = [];

  /** Number of requests waiting behind the one running (for tests and diagnostics). */
  get waiting(): number {
    return this.waiters.length;
  }

  async run<T>(signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(signal?.reason);
      };
      const waiter = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiters.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next === undefined) this.busy = false;
    else next(); // the lock passes straight to the next waiter
  }
}
