import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from './backoff.js';

describe('backoff with full jitter', () => {
  const options = { baseMs: 100, capMs: 1_000 };

  it('draws from [0, min(cap, base·2^(n−1)))', () => {
    expect(backoffDelay(1, options, () => 0.999)).toBe(99);
    expect(backoffDelay(2, options, () => 0.999)).toBe(199);
    expect(backoffDelay(4, options, () => 0.999)).toBe(799);
    expect(backoffDelay(5, options, () => 0.999)).toBe(999); // capped
    expect(backoffDelay(60, options, () => 0.5)).toBe(500);
    expect(backoffDelay(3, options, () => 0)).toBe(0);
  });

  it('spreads retries: many clients failing together do not retry together', () => {
    const delays = Array.from({ length: 1000 }, () => backoffDelay(4, options));
    expect(Math.min(...delays)).toBeLessThan(100);
    expect(Math.max(...delays)).toBeGreaterThan(700);
    expect(new Set(delays).size).toBeGreaterThan(300);
  });
});

describe('sleep', () => {
  it('resolves true after the delay, false at once when aborted', async () => {
    const t0 = performance.now();
    expect(await sleep(30)).toBe(true);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    const t1 = performance.now();
    expect(await pending).toBe(false);
    expect(performance.now() - t1).toBeLessThan(1_000);
    expect(await sleep(10, controller.signal)).toBe(false);
  });
});
