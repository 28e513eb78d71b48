import { describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from './adaptive-limiter.js';

const never = new AbortController().signal;

describe('AdaptiveLimiter (AIMD)', () => {
  it('hands out at most `limit` slots and wakes a waiter when one is released', async () => {
    const limiter = new AdaptiveLimiter({ start: 2, floor: 1, ceiling: 4 });
    expect([limiter.tryAcquire(), limiter.tryAcquire(), limiter.tryAcquire()]).toEqual([true, true, false]);
    let woke = false;
    const waiting = limiter.whenSlotFree(never).then(() => (woke = true));
    await Promise.resolve();
    expect(woke).toBe(false);
    limiter.release();
    await waiting;
    expect(limiter.tryAcquire()).toBe(true);
    expect(limiter.inFlight).toBe(2);
  });

  it('halves on congestion, once per congestion window, never below the floor', () => {
    const changes: [number, string][] = [];
    const limiter = new AdaptiveLimiter({ start: 16, floor: 3, ceiling: 16 }, { onChange: (l, r) => changes.push([l, r]) });
    const epoch = limiter.epoch;
    expect(limiter.onCongestion(epoch)).toBe(true);
    expect(limiter.onCongestion(epoch)).toBe(false); // a request of the same window: no second cut
    expect(limiter.limit).toBe(8);
    limiter.onCongestion(limiter.epoch);
    limiter.onCongestion(limiter.epoch);
    limiter.onCongestion(limiter.epoch);
    expect(limiter.limit).toBe(3);
    expect(changes).toEqual([[8, 'backoff'], [4, 'backoff'], [3, 'backoff']]);
  });

  it('grows by one after a streak of successes as long as the limit, up to the ceiling; a failure resets the streak', () => {
    const limiter = new AdaptiveLimiter({ start: 2, floor: 1, ceiling: 3 });
    limiter.onSuccess();
    limiter.onFailure();
    limiter.onSuccess();
    expect(limiter.limit).toBe(2);
    limiter.onSuccess();
    expect(limiter.limit).toBe(3);
    for (let i = 0; i < 10; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(3);
  });

  it('growth frees a slot for a waiter', async () => {
    const limiter = new AdaptiveLimiter({ start: 1, floor: 1, ceiling: 2 }, { growAfter: () => 1 });
    limiter.tryAcquire();
    const waiting = limiter.whenSlotFree(never);
    limiter.onSuccess();
    await waiting;
    expect(limiter.tryAcquire()).toBe(true);
  });

  it('pauses until the latest Retry-After', () => {
    let now = 1_000;
    const limiter = new AdaptiveLimiter({ start: 1, floor: 1, ceiling: 1 }, { now: () => now });
    expect(limiter.pausedFor()).toBe(0);
    limiter.pause(500);
    limiter.pause(200);
    expect(limiter.pausedFor()).toBe(500);
    now = 1_400;
    expect(limiter.pausedFor()).toBe(100);
    now = 2_000;
    expect(limiter.pausedFor()).toBe(0);
  });

  it('refuses impossible limits', () => {
    expect(() => new AdaptiveLimiter({ start: 5, floor: 6, ceiling: 8 })).toThrow(/floor ≤ start ≤ ceiling/);
    expect(() => new AdaptiveLimiter({ start: 0, floor: 0, ceiling: 1 })).toThrow();
  });
});
