import { open } from 'node:fs/promises';
import type { ProgressEvent } from '../../core/domain.js';
import { ReliabenchError } from '../../core/errors.js';

export interface DownloadOptions {
  url: string;
  /** File the body is streamed to. */
  dest: string;
  /** Progress stage label, e.g. `download ARC`. */
  stage: string;
  /** Abort when no response headers arrive within this time. */
  headerTimeoutMs: number;
  /** Abort when the body stalls (no bytes) for this long. */
  idleTimeoutMs: number;
  onProgress?: (event: ProgressEvent) => void;
}

export const FIX_HINT =
  'pass --science-data <folder> or set RELIABENCH_SCIENCE_DATA to a folder holding arc/ARC-*.csv and mmlu/<subject>_test.csv (docs/domains/science.md)';

function failed(url: string, what: string, cause?: unknown): ReliabenchError {
  return new ReliabenchError('DOWNLOAD_FAILED', `could not download ${url}: ${what}; ${FIX_HINT}`, { input: url, cause });
}

/** The most specific reason undici gives (`fetch failed` hides it in `cause`). */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Streams `url` into `dest` with the global fetch and two deadlines of its own: one for the
 * response headers and an idle timer while the body streams (fetch alone can wait for minutes).
 * Reports bytes as they arrive (`total` is the Content-Length, or 0 when the server gives none).
 */
export async function downloadToFile(options: DownloadOptions): Promise<void> {
  const { url, dest, stage, headerTimeoutMs, idleTimeoutMs, onProgress } = options;
  const controller = new AbortController();
  let expired: 'headers' | 'idle' | undefined;
  let timer = setTimeout(() => {
    expired = 'headers';
    controller.abort();
  }, headerTimeoutMs);

  let response: Response;
  try {
    response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
  } catch (error) {
    clearTimeout(timer);
    const what =
      expired === 'headers'
        ? `no response within ${headerTimeoutMs / 1000} s — this machine looks offline`
        : `cannot connect (${reasonOf(error)}) — this machine looks offline`;
    throw failed(url, what, error);
  }
  clearTimeout(timer);
  if (!response.ok || !response.body) {
    controller.abort();
    throw failed(url, `the server answered HTTP ${response.status} ${response.statusText}`.trim());
  }

  const total = Number(response.headers.get('content-length') ?? 0) || 0;
  const armIdle = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      expired = 'idle';
      controller.abort();
    }, idleTimeoutMs);
  };
  const file = await open(dest, 'w');
  let done = 0;
  try {
    const reader = response.body.getReader();
    onProgress?.({ stage, done, total });
    armIdle();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      await file.write(chunk.value);
      done += chunk.value.byteLength;
      onProgress?.({ stage, done, total });
      armIdle();
    }
  } catch (error) {
    const what =
      expired === 'idle'
        ? `no data for ${idleTimeoutMs / 1000} s after ${done} bytes — the connection stalled`
        : `the connection broke after ${done} bytes (${reasonOf(error)})`;
    throw failed(url, what, error);
  } finally {
    clearTimeout(timer);
    await file.close();
  }
  if (total > 0 && done !== total) throw failed(url, `received ${done} of ${total} bytes`);
}
