import { describe, expect, it } from 'vitest';
import { attemptSignal } from './attempt-signal.js';

describe('attemptSignal', () => {
  it('times out with a TimeoutError reason (adapters map it to TIMEOUT)', async () => {
    const { signal, dispose } = attemptSignal(new AbortController().signal, 20);
    await new Promise((r) => setTimeout(r, 40));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
    dispose();
  });

  it('passes the run abort reason on (adapters map it to CANCELLED)', () => {
    const run = new AbortController();
    const { signal, dispose } = attemptSignal(run.signal, 10_000);
    const reason = new Error('Ctrl+C');
    run.abort(reason);
    expect(signal.reason).toBe(reason);
    dispose();
    const late = attemptSignal(run.signal, 10_000);
    expect(late.signal.aborted).toBe(true);
  });

  it('after dispose neither the timer nor the run abort touches the signal', async () => {
    const run = new AbortController();
    const { signal, dispose } = attemptSignal(run.signal, 10);
    dispose();
    await new Promise((r) => setTimeout(r, 30));
    run.abort();
    expect(signal.aborted).toBe(false);
  });
});
