import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedis, type RedisServer } from '../test-support/redis-server.js';
import { checkRedis } from './redis-preflight.js';
import { parseRedisUrl } from './redis-url.js';

describe('checkRedis', () => {
  let open: RedisServer;
  let locked: RedisServer;
  beforeAll(async () => {
    [open, locked] = await Promise.all([startRedis(), startRedis({ password: 'pf-pass' })]);
  });
  afterAll(async () => {
    await Promise.all([open?.stop(), locked?.stop()]);
  });

  it('answers with the server version when Redis is there (with the password when it needs one)', async () => {
    expect(await checkRedis(parseRedisUrl(open.url, {}))).toMatch(/^\d+\.\d+/);
    expect(await checkRedis(parseRedisUrl(locked.url, { REDIS_PASSWORD: 'pf-pass' }))).toMatch(/^\d+\.\d+/);
    expect(await checkRedis(parseRedisUrl(`${open.url}/3`, {}))).toMatch(/^\d+\.\d+/);
  });

  it('says what to do for each way it can fail', async () => {
    const port = await freePort();
    await expect(checkRedis(parseRedisUrl(`redis://127.0.0.1:${port}`, {}))).rejects.toThrow(`cannot reach Redis at redis://127.0.0.1:${port}: connection refused; is redis-server running there?`);
    await expect(checkRedis(parseRedisUrl(locked.url, {}))).rejects.toThrow(/needs a password: put it in the URL as redis:\/\/:PASSWORD@host:port or set REDIS_PASSWORD$/);
    await expect(checkRedis(parseRedisUrl(locked.url, { REDIS_PASSWORD: 'wrong' }))).rejects.toThrow(/refused the password \(WRONGPASS/);
    await expect(checkRedis(parseRedisUrl(open.url, { REDIS_PASSWORD: 'unneeded' }))).rejects.toThrow(/has no password, but one was given/);
  });

  it('gives up on a silent server after the timeout', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as { port: number }).port;
    try {
      await expect(checkRedis(parseRedisUrl(`redis://127.0.0.1:${port}`, {}), 200)).rejects.toThrow(/no answer \(timed out\)/);
    } finally {
      silent.close();
    }
  });
});
