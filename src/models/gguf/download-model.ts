import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { ProgressEvent } from '../../core/domain.js';
import { ReliabenchError } from '../../core/errors.js';
import type { FetchLike } from '../post-json.js';
import { MODEL_ALTERNATIVES } from './model-cache.js';

export interface DeadlineOptions {
  fetch?: FetchLike;
  /** The caller's cancel (Ctrl+C). */
  signal?: AbortSignal;
  /** Give up when the first byte of the body has not arrived by then. Default 10 s. */
  firstByteTimeoutMs?: number;
  /** Give up when the body stalls this long. Default 30 s. */
  idleTimeoutMs?: number;
  headers?: Record<string, string>;
}

export interface DownloadModelOptions extends DeadlineOptions {
  url: string;
  dest: string;
  /** Names what is downloaded in messages, e.g. "the default model Qwen/…/x.gguf". */
  label: string;
  /** Bytes so far; `total` is 0 when the server sends no length. Stage is `download <file>`. */
  onProgress?: (event: ProgressEvent) => void;
}

export const FIRST_BYTE_TIMEOUT_MS = 10_000;
export const IDLE_TIMEOUT_MS = 30_000;
const GGUF_MAGIC = 'GGUF';

export function downloadFailed(label: string, url: string, what: string, cause?: unknown): ReliabenchError {
  const origin = safeOrigin(url);
  return new ReliabenchError('DOWNLOAD_FAILED', `Could not download ${label} from ${origin}: ${what}; ${MODEL_ALTERNATIVES}`, { input: origin, cause });
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** The most specific reason undici gives (`fetch failed` hides it in `cause`). */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * A fetch with deadlines of its own (an unanswered fetch otherwise waits for minutes): `arm(ms, why)`
 * (re)starts the one timer, `disarm()` stops it; `expired` says which deadline fired.
 */
export class Deadline {
  readonly controller = new AbortController();
  readonly signal: AbortSignal;
  expired: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(callerSignal?: AbortSignal) {
    this.signal = callerSignal === undefined ? this.controller.signal : AbortSignal.any([callerSignal, this.controller.signal]);
  }

  arm(ms: number, why: string): void {
    this.disarm();
    this.timer = setTimeout(() => {
      this.expired = why;
      this.controller.abort(new Error(why));
    }, ms);
  }

  disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/**
 * Streams `url` into `dest` through `dest.partial` (resumed with a Range request when a partial file
 * is there), checks the GGUF magic bytes and the length, then renames. Fails with
 * ReliabenchError('DOWNLOAD_FAILED') naming the alternatives: no first byte within 10 s, a stall of 30 s,
 * an HTTP error, a short body, or a file that is not GGUF (an HTML error page, say).
 */
export async function downloadModelFile(options: DownloadModelOptions): Promise<void> {
  const { url, dest, label, onProgress } = options;
  const firstByteMs = options.firstByteTimeoutMs ?? FIRST_BYTE_TIMEOUT_MS;
  const idleMs = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  const partial = `${dest}.partial`;
  await mkdir(dirname(dest), { recursive: true });
  const have = await sizeOf(partial);
  const deadline = new Deadline(options.signal);
  const stage = `download ${basename(dest)}`;
  const fail = (what: string, cause?: unknown): ReliabenchError => {
    if (options.signal?.aborted === true) return downloadFailed(label, url, 'cancelled (the partial file is kept and resumed next time)', cause);
    return downloadFailed(label, url, what, cause);
  };

  deadline.arm(firstByteMs, `no data within ${firstByteMs / 1000} s — this machine looks offline`);
  let response: Response;
  try {
    const headers = { ...options.headers, ...(have > 0 ? { range: `bytes=${have}-` } : {}) };
    response = await (options.fetch ?? globalThis.fetch)(url, { headers, signal: deadline.signal, redirect: 'follow' });
  } catch (error) {
    deadline.disarm();
    throw fail(deadline.expired ?? `cannot connect (${reasonOf(error)}) — this machine looks offline`, error);
  }
  if (response.status === 416 && have > 0) {
    deadline.disarm();
    await unlink(partial);
    return downloadModelFile(options);
  }
  if (!response.ok || response.body === null) {
    deadline.disarm();
    deadline.controller.abort();
    const hint = response.status === 401 || response.status === 403 ? ' (a gated repo needs HF_TOKEN)' : response.status === 404 ? ' (no such repo or file)' : '';
    throw fail(`the server answered HTTP ${response.status}${hint}`);
  }
  const resumed = response.status === 206;
  let done = resumed ? have : 0;
  // A compressed body's Content-Length is not the file's length (fetch decompresses).
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const length = encoded ? 0 : Number(response.headers.get('content-length') ?? 0) || 0;
  const total = length > 0 ? done + length : 0;
  const file = await open(partial, resumed ? 'a' : 'w');
  try {
    const reader = response.body.getReader();
    onProgress?.({ stage, done, total });
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      await file.write(chunk.value);
      done += chunk.value.byteLength;
      deadline.arm(idleMs, `no data for ${idleMs / 1000} s after ${done} bytes — the connection stalled`);
      onProgress?.({ stage, done, total });
    }
  } catch (error) {
    throw fail(deadline.expired ?? `the connection broke after ${done} bytes (${reasonOf(error)})`, error);
  } finally {
    deadline.disarm();
    await file.close();
  }
  if (total > 0 && done !== total) throw fail(`received ${done} of ${total} bytes (run again to resume)`);
  if (!(await hasGgufMagic(partial))) {
    await unlink(partial);
    throw fail('the file received is not a GGUF model (wrong URL, or an error page)');
  }
  await rename(partial, dest);
}

export async function hasGgufMagic(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.toString('latin1') === GGUF_MAGIC;
  } finally {
    await file.close();
  }
}
