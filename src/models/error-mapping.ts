import { ModelError, type ModelErrorCode } from './model-adapter.js';
import { redactText } from './redact.js';
import { headerReader, retryAfterMs } from './retry-after.js';

/** What an adapter knows when it turns a failure into a ModelError. */
export interface CallContext {
  /** Starts every message, e.g. "openai:gpt-4o-mini". */
  label: string;
  /** Key values scrubbed from every message. */
  secrets: readonly string[];
  /** The endpoint called, named in network errors, e.g. "http://127.0.0.1:11434". */
  endpoint: string;
  /** Appended to AUTH errors, e.g. "check OPENAI_API_KEY". */
  authHint?: string;
  /** Appended to 404s, e.g. "run `ollama pull llama3.2`". */
  notFoundHint?: string;
  /** Appended to connection failures, e.g. "is `ollama serve` running?". */
  networkHint?: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH',
  'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT', 'ConnectionRefused', 'ConnectionClosed', 'FailedToOpenSocket',
]);
const NETWORK_MESSAGE = /fetch failed|^terminated$|other side closed|socket hang up|cannot connect to api/i;

const STATUS_LABEL: Record<ModelErrorCode, string> = {
  RATE_LIMITED: 'rate limited',
  OVERLOADED: 'overloaded',
  SERVER_ERROR: 'server error',
  TIMEOUT: 'request timeout',
  NETWORK: 'network error',
  BAD_RESPONSE: 'unexpected status',
  AUTH: 'not authorised',
  BAD_REQUEST: 'request rejected',
  CANCELLED: 'cancelled',
};

export function modelError(
  ctx: CallContext,
  code: ModelErrorCode,
  message: string,
  options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
): ModelError {
  const cause = options.cause === undefined ? undefined : sanitizedCause(options.cause, ctx.secrets);
  return new ModelError(code, redactText(`${ctx.label}: ${message}`, ctx.secrets), { ...options, cause });
}

/**
 * The caller's signal fired. TIMEOUT when its reason is a `TimeoutError` (what `AbortSignal.timeout()`
 * and `AbortSignal.any([…, timeout])` produce) or a ModelError with code TIMEOUT; CANCELLED otherwise.
 */
export function abortedError(signal: AbortSignal, ctx: CallContext): ModelError {
  const reason: unknown = signal.reason;
  const name = typeof reason === 'object' && reason !== null ? (reason as { name?: unknown }).name : undefined;
  const code = typeof reason === 'object' && reason !== null ? (reason as { code?: unknown }).code : undefined;
  if (name === 'TimeoutError' || (reason instanceof ModelError && code === 'TIMEOUT')) {
    return modelError(ctx, 'TIMEOUT', `no answer from ${ctx.endpoint} before the request deadline`);
  }
  return modelError(ctx, 'CANCELLED', 'request cancelled');
}

/** The status code decides; the body only refines 429 (no quota is not a rate limit) and 5xx "overloaded". */
export function codeForStatus(status: number, body: string): ModelErrorCode {
  if (status === 429) return /insufficient_quota/.test(body) ? 'AUTH' : 'RATE_LIMITED';
  if (status === 503 || status === 529 || (status >= 500 && /overloaded/i.test(body))) return 'OVERLOADED';
  if (status === 408) return 'TIMEOUT';
  if (status >= 500) return 'SERVER_ERROR';
  if (status === 401 || status === 403) return 'AUTH';
  if (status >= 400) return 'BAD_REQUEST';
  return 'BAD_RESPONSE';
}

export function httpError(
  ctx: CallContext,
  status: number,
  headers: Headers | Record<string, string> | undefined,
  body: string,
  detail: string = errorDetail(body),
): ModelError {
  const code = codeForStatus(status, body);
  const wait = retryAfterMs(headerReader(headers));
  const hints: string[] = [];
  if (status === 429 && code === 'AUTH') hints.push('the account has no quota left: check its plan and billing');
  else if (code === 'AUTH' && ctx.authHint) hints.push(ctx.authHint);
  if (status === 404 && ctx.notFoundHint) hints.push(ctx.notFoundHint);
  const message =
    `HTTP ${status} ${STATUS_LABEL[code]}` +
    (wait === undefined ? '' : ` (retry after ${(wait / 1000).toFixed(wait < 10_000 ? 1 : 0)} s)`) +
    (detail === '' ? '' : `: ${detail}`) +
    (hints.length > 0 ? ` — ${hints.join('; ')}` : '');
  return modelError(ctx, code, message, wait === undefined ? { status } : { status, retryAfterMs: wait });
}

/** The provider's own error message from an error body (OpenAI, Anthropic and Ollama shapes), on one short line. */
export function errorDetail(body: string): string {
  let text = body;
  try {
    const parsed: unknown = JSON.parse(body);
    const found = messageIn(parsed);
    if (found !== undefined) text = found;
  } catch {
    // not JSON: show the start of the body
  }
  return oneLine(text, 300);
}

function messageIn(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record['error'] === 'string') return record['error'];
  const nested = messageIn(record['error']);
  if (nested !== undefined) return nested;
  return typeof record['message'] === 'string' ? record['message'] : undefined;
}

export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "ECONNREFUSED …" when a connection failed or broke somewhere in the error's cause chain. */
export function networkFailure(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  let byMessage: string | undefined;
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, message, cause, errors } = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return `${code}${typeof message === 'string' && message !== '' ? ` ${message}` : ''}`;
    if (byMessage === undefined && typeof message === 'string' && NETWORK_MESSAGE.test(message)) byMessage = message;
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...(errors as unknown[]));
  }
  return byMessage;
}

/** A failure thrown by fetch or while reading a body: abort, else a network failure. */
export function thrownError(error: unknown, signal: AbortSignal, ctx: CallContext, phase: 'connect' | 'read'): ModelError {
  if (signal.aborted) return abortedError(signal, ctx);
  if (error instanceof ModelError) return error;
  return networkError(ctx, networkFailure(error) ?? describe(error), phase, error);
}

const NO_CONNECTION = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ConnectionRefused|FailedToOpenSocket|CONNECT_TIMEOUT|bad port/;

/** NETWORK, worded by when it broke; the "is it running?" hint only when no connection was made at all. */
export function networkError(ctx: CallContext, what: string, phase: 'connect' | 'read', cause: unknown): ModelError {
  if (phase === 'read') return modelError(ctx, 'NETWORK', `connection to ${ctx.endpoint} broke while reading the answer (${what})`, { cause });
  const hint = NO_CONNECTION.test(what) && ctx.networkHint ? ` — ${ctx.networkHint}` : '';
  const verb = NO_CONNECTION.test(what) ? 'cannot reach' : 'connection failed to';
  return modelError(ctx, 'NETWORK', `${verb} ${ctx.endpoint} (${what})${hint}`, { cause });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A plain Error describing the cause chain, with secrets removed, so `--debug` output stays useful and safe. */
export function sanitizedCause(error: unknown, secrets: readonly string[]): Error {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    parts.push(`${describe(current)}${typeof code === 'string' ? ` (${code})` : ''}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  const out = new Error(redactText(oneLine(parts.join(' <- '), 1000), secrets));
  out.name = error instanceof Error ? error.name : 'Error';
  return out;
}
