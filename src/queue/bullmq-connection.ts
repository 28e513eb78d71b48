import { createRequire } from 'node:module';
import type { RedisOptions } from 'bullmq';
import { ReliabenchError } from '../core/errors.js';
import { checkRedis } from './redis-preflight.js';
import type { RedisTarget } from './redis-url.js';

/**
 * BullMQ connection options for a target. Commands wait while Redis is unreachable (no per-request
 * retry cap, reconnecting every ≤ 2 s), so a Redis restart is ridden out; callers put their own
 * deadline around what must not wait forever (the coordinator fails the run after `redisTimeoutMs`).
 */
export function bullConnection(target: RedisTarget, connectionName: string): RedisOptions {
  return {
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.username === undefined ? {} : { username: target.username }),
    ...(target.password === undefined ? {} : { password: target.password }),
    ...(target.tls ? { tls: { servername: target.host } } : {}),
    connectionName,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times: number) => Math.min(200 * times, 2_000),
  };
}

/**
 * Checks, before anything is started, that BullMQ can load its Redis driver and that Redis answers
 * (with the password, when it needs one). Throws a one-line ReliabenchError naming the fix.
 */
export async function prepareRedis(target: RedisTarget, timeoutMs?: number): Promise<string> {
  requireDriver();
  return checkRedis(target, timeoutMs);
}

function requireDriver(): void {
  try {
    // BullMQ loads `ioredis` with require() from its own folder; resolve it the same way.
    const bullmq = createRequire(import.meta.url).resolve('bullmq');
    createRequire(bullmq).resolve('ioredis');
  } catch {
    throw new ReliabenchError('PROVIDER_UNAVAILABLE', 'the queue needs the ioredis package beside bullmq: install it with `npm install ioredis@5`');
  }
}
