import { sha256Hex } from '../../core/hash.js';
import type Database from 'better-sqlite3';
import type { Db } from './open-workspace.js';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * The persistent response cache (migration 2), shared by every run in a workspace. Its key is a sha256
 * over the canonical JSON of everything that determines an answer: the provider, the model id, the
 * mode, every generation setting (temperature, max tokens, seed, stop sequences as actually sent), the
 * rendered prompt and the sample index, plus an optional scope the caller adds (e.g. an endpoint URL
 * when two servers serve different weights under one model name). Only answers are cached, never errors.
 */
export interface CacheKeyParts {
  provider: string;
  modelId: string;
  mode: 'chat' | 'completion';
  settings: { temperature: number; maxTokens: number; seed?: number | undefined; stop?: readonly string[] | undefined };
  prompt: string;
  sampleIndex: number;
  scope?: string | undefined;
}

export interface CachedResponse {
  text: string;
  finishReason: string;
  inputTokens: number | null;
  outputTokens: number | null;
  latencyMs: number;
  warnings: string[];
  raw: unknown;
}

/** Bumped if the meaning of a key ever changes, so old entries are simply never hit again. */
const KEY_VERSION = 1;

export function responseCacheKey(parts: CacheKeyParts): string {
  return sha256Hex(cacheKeyJson(parts));
}

/**
 * What the key hashes: canonicalJson (core/hash.ts) of the parts with absent settings spelled null or [],
 * written out directly in canonicalJson's sorted key order because it runs once per trial (the test
 * checks it against canonicalJson on random parts, so existing caches keep their keys).
 */
export function cacheKeyJson(parts: CacheKeyParts): string {
  const { temperature, maxTokens, seed, stop } = parts.settings;
  const j = JSON.stringify;
  return (
    `{"mode":${j(parts.mode)},"modelId":${j(parts.modelId)},"prompt":${j(parts.prompt)},"provider":${j(parts.provider)},` +
    `"sampleIndex":${j(parts.sampleIndex)},"scope":${j(parts.scope ?? null)},` +
    `"settings":{"maxTokens":${j(maxTokens)},"seed":${j(seed ?? null)},"stop":${j(stop === undefined ? [] : [...stop])},"temperature":${j(temperature)}},` +
    `"v":${KEY_VERSION}}`
  );
}

interface CacheRow {
  text: string;
  finish_reason: string;
  input_tokens: number | null;
  output_tokens: number | null;
  latency_ms: number;
  warnings_json: string;
  raw_json: string | null;
}

/** Keys looked up per statement by getMany (a shorter list is padded by repeating its last key). */
const MANY = 64;
const ROW = 'text, finish_reason, input_tokens, output_tokens, latency_ms, warnings_json, raw_json';

export class ResponseCache {
  private readonly getStmt: Statement;
  private readonly getManyStmt: Statement;
  private readonly putStmt: Statement;

  constructor(db: Db) {
    this.getStmt = db.prepare(`SELECT ${ROW} FROM response_cache WHERE key = ?`);
    this.getManyStmt = db.prepare(`SELECT key, ${ROW} FROM response_cache WHERE key IN (${Array(MANY).fill('?').join(', ')})`);
    this.putStmt = db.prepare(`INSERT OR IGNORE INTO response_cache
      (key, provider, model_id, mode, text, finish_reason, input_tokens, output_tokens, latency_ms, warnings_json, raw_json, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  get(key: string): CachedResponse | undefined {
    const row = this.getStmt.get(key) as CacheRow | undefined;
    return row === undefined ? undefined : fromRow(row);
  }

  /**
   * The cached answers among many keys, by key (absent keys are simply missing). One statement per 64
   * keys: a run looks up every trial before asking, and on a fresh cache nearly all miss, so one read
   * per trial was a fixed cost per trial for nothing.
   */
  getMany(keys: readonly string[]): Map<string, CachedResponse> {
    const found = new Map<string, CachedResponse>();
    for (let start = 0; start < keys.length; start += MANY) {
      const chunk = keys.slice(start, start + MANY);
      while (chunk.length < MANY) chunk.push(chunk[chunk.length - 1]!);
      for (const row of this.getManyStmt.all(...chunk) as (CacheRow & { key: string })[]) found.set(row.key, fromRow(row));
    }
    return found;
  }

  /** Stores an answer; the first answer stored under a key stays (true when this one was written). */
  put(key: string, parts: Pick<CacheKeyParts, 'provider' | 'modelId' | 'mode'>, response: CachedResponse, now: Date = new Date()): boolean {
    const raw = response.raw === undefined || response.raw === null ? null : JSON.stringify(response.raw);
    const info = this.putStmt.run(
      key, parts.provider, parts.modelId, parts.mode, response.text, response.finishReason, response.inputTokens,
      response.outputTokens, response.latencyMs, JSON.stringify(response.warnings), raw, now.toISOString(),
    );
    return info.changes === 1;
  }
}

function fromRow(row: CacheRow): CachedResponse {
  return {
    text: row.text,
    finishReason: row.finish_reason,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    latencyMs: row.latency_ms,
    warnings: JSON.parse(row.warnings_json) as string[],
    raw: row.raw_json === null ? null : (JSON.parse(row.raw_json) as unknown),
  };
}
