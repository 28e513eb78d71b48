import { describe, expect, it } from 'vitest';
import { isDroppedConnection, RedisDeadline, RedisLostError } from './redis-deadline.js';
import type { RedisTarget } from './redis-url.js';

const target = { display: 'redis://127.0.0.1:6399' } as RedisTarget;
/** What ioredis rejects a command with when its connection closes while the command is in flight. */
const aborted = (): Error => Object.assign(new Error('Command aborted due to connection close'), { name: 'AbortError' });

describe('RedisDeadline.run', () => {
  it('sends an operation again when the connection dropped while it was in flight, and returns its answer', async () => {
    const deadline = new RedisDeadline(target, 2_000, () => 0, 10);
    let attempts = 0;
    const value = await deadline.run(() => (++attempts < 3 ? Promise.reject(aborted()) : Promise.resolve('ok')), 'reading results');
    expect([value, attempts, deadline.lost]).toEqual(['ok', 3, false]);
  });

  it('passes any other failure on at once, without sending the operation again', async () => {
    const deadline = new RedisDeadline(target, 2_000, () => 0, 10);
    let attempts = 0;
    const wrongType = new Error('WRONGTYPE Operation against a key holding the wrong kind of value');
    await expect(deadline.run(() => (attempts++, Promise.reject(wrongType)), 'reading results')).rejects.toBe(wrongType);
    expect(attempts).toBe(1);
  });

  it('a connection that keeps dropping ends in the lost-Redis message once the deadline passes', async () => {
    const deadline = new RedisDeadline(target, 300, () => 42, 20);
    let attempts = 0;
    const started = Date.now();
    const error = await deadline.run(() => (attempts++, Promise.reject(aborted())), 'enqueueing trials').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisLostError);
    expect((error as Error).message).toBe(
      'lost Redis at redis://127.0.0.1:6399: no answer for 0 s while enqueueing trials; the 42 trials stored so far are kept — start Redis again and run the same command to resume',
    );
    expect(deadline.lost).toBe(true);
    expect(attempts).toBeGreaterThan(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('an operation that never answers ends in the lost-Redis message after the deadline', async () => {
    const deadline = new RedisDeadline(target, 50, () => 7);
    const error = await deadline.run(() => new Promise<never>(() => {}), 'checking the queue').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisLostError);
    expect((error as Error).message).toMatch(/^lost Redis at redis:\/\/127\.0\.0\.1:6399: no answer for 0 s while checking the queue; the 7 trials stored/);
  });
});

describe('isDroppedConnection', () => {
  it('is true for ioredis rejections of commands cut off by a closed connection, false for anything else', () => {
    expect(isDroppedConnection(aborted())).toBe(true);
    expect(isDroppedConnection(new Error('Connection is closed.'))).toBe(true);
    expect(isDroppedConnection(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isDroppedConnection(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBe(false);
    expect(isDroppedConnection(new RedisLostError('lost Redis … ECONNRESET'))).toBe(false);
    expect(isDroppedConnection('Command aborted due to connection close')).toBe(false);
  });
});
