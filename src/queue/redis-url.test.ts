import { describe, expect, it } from 'vitest';
import { parseRedisUrl, safeEcho } from './redis-url.js';

describe('parseRedisUrl', () => {
  it('reads host, port, database and TLS', () => {
    expect(parseRedisUrl('redis://10.0.0.5:6380/2', {})).toEqual({ host: '10.0.0.5', port: 6380, db: 2, tls: false, display: 'redis://10.0.0.5:6380/2' });
    expect(parseRedisUrl('rediss://cache.internal', {})).toMatchObject({ host: 'cache.internal', port: 6379, db: 0, tls: true, display: 'rediss://cache.internal' });
    expect(parseRedisUrl('redis://[::1]:7000', {})).toMatchObject({ host: '::1', port: 7000 });
  });

  it('takes the password from the URL, else REDIS_PASSWORD, and never shows it', () => {
    const fromUrl = parseRedisUrl('redis://:s3cr%40t@127.0.0.1:6379', { REDIS_PASSWORD: 'other' });
    expect(fromUrl).toMatchObject({ password: 's3cr@t', display: 'redis://:***@127.0.0.1:6379' });
    const fromEnv = parseRedisUrl('redis://127.0.0.1:6379', { REDIS_PASSWORD: 'env-secret' });
    expect(fromEnv).toMatchObject({ password: 'env-secret', display: 'redis://127.0.0.1:6379' });
    expect(parseRedisUrl('redis://alice:pw@host:1', {})).toMatchObject({ username: 'alice', password: 'pw', display: 'redis://alice:***@host:1' });
  });

  it.each([
    ['localhost:6379', /not a redis:\/\/ or rediss:\/\/ URL/],
    ['http://localhost:6379', /not a redis:\/\/ or rediss:\/\/ URL/],
    ['redis://host:6379/99', /"\/99" is not a database number 0–15/],
    ['redis://host:6379?db=1', /options after \? or # are not understood/],
    ['', /no Redis URL given/],
  ])('refuses %j with one line naming the form', (text, message) => {
    expect(() => parseRedisUrl(text, {})).toThrow(message);
    expect(() => parseRedisUrl(text, {})).toThrow(/write it like redis:\/\/127\.0\.0\.1:6379/);
  });

  it('never echoes a password in an error', () => {
    expect(() => parseRedisUrl('redis://:hunter2@host:6379/99', {})).toThrow(/--queue redis:\/\/:\*\*\*@host:6379\/99/);
    expect(() => parseRedisUrl('redis://:hunter2@host:6379/99', {})).not.toThrow(/hunter2/);
    expect(safeEcho('redis://u:hunter2@h:1')).toBe('redis://u:***@h:1');
  });
});
