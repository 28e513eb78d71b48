import { ReliabenchError } from '../core/errors.js';

/**
 * Where the queue lives: `redis://[[user]:password@]host[:port][/db]` or `rediss://…` (TLS). The
 * password may instead come from REDIS_PASSWORD (so it stays out of shell history and process lists).
 * `display` is the address without any credential: the only form that may appear in a message or log.
 */
export interface RedisTarget {
  host: string;
  port: number;
  db: number;
  tls: boolean;
  username?: string;
  password?: string;
  /** e.g. `redis://10.0.0.5:6379/2` (never a password; `:***@` shows that one was given). */
  display: string;
}

export const DEFAULT_REDIS_PORT = 6379;

export function parseRedisUrl(text: string, env: Readonly<Record<string, string | undefined>> = process.env): RedisTarget {
  const trimmed = text.trim();
  const bad = (why: string): ReliabenchError =>
    new ReliabenchError('BAD_ARGUMENT', `--queue ${safeEcho(trimmed)}: ${why}; write it like redis://127.0.0.1:6379 (password: redis://:PASSWORD@host:port or REDIS_PASSWORD)`, {
      input: safeEcho(trimmed),
    });
  if (trimmed === '') throw bad('no Redis URL given');
  if (!/^rediss?:\/\//i.test(trimmed)) throw bad('not a redis:// or rediss:// URL');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw bad('not a URL');
  }
  if (url.hostname === '') throw bad('no host');
  const port = url.port === '' ? DEFAULT_REDIS_PORT : Number(url.port);
  const path = url.pathname.replace(/^\/+/, '');
  const db = path === '' ? 0 : Number(path);
  if (!Number.isInteger(db) || db < 0 || db > 15 || !/^\d*$/.test(path)) throw bad(`"/${path}" is not a database number 0–15`);
  if (url.search !== '' || url.hash !== '') throw bad('options after ? or # are not understood');
  const username = url.username === '' ? undefined : decodeURIComponent(url.username);
  const fromUrl = url.password === '' ? undefined : decodeURIComponent(url.password);
  const fromEnv = env['REDIS_PASSWORD'] === undefined || env['REDIS_PASSWORD'] === '' ? undefined : env['REDIS_PASSWORD'];
  const password = fromUrl ?? fromEnv;
  const tls = url.protocol.toLowerCase() === 'rediss:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const credential = username !== undefined || fromUrl !== undefined ? `${username ?? ''}${fromUrl === undefined ? '' : ':***'}@` : '';
  const display = `${tls ? 'rediss' : 'redis'}://${credential}${url.host}${db === 0 ? '' : `/${db}`}`;
  return {
    host,
    port,
    db,
    tls,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
    display,
  };
}

/** The text as typed, with any password replaced: safe to print. */
export function safeEcho(text: string): string {
  return text.replace(/^(rediss?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}
