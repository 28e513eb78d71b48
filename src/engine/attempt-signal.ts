/**
 * The signal for one request: aborts when the run's signal does (its reason is passed on, so the
 * adapter reports CANCELLED) or when the per-request deadline passes (reason: a DOMException named
 * TimeoutError, which adapters report as TIMEOUT). This is what `AbortSignal.any([run,
 * AbortSignal.timeout(ms)])` does, but its timer is cleared as soon as the request ends and its
 * listener removed, so hundreds of thousands of requests leave no timers or listeners behind.
 */
export interface AttemptSignal {
  signal: AbortSignal;
  /** Call when the request has ended, however it ended. */
  dispose(): void;
}

export function attemptSignal(run: AbortSignal, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  if (run.aborted) {
    controller.abort(run.reason);
    return { signal: controller.signal, dispose: () => {} };
  }
  const onRunAbort = (): void => controller.abort(run.reason);
  run.addEventListener('abort', onRunAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      run.removeEventListener('abort', onRunAbort);
    },
  };
}
