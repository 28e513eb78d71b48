/**
 * How an adapter's JSON POST reaches the server. Production uses an undici connection pool per
 * origin (keep-alive): against a fast local server (vLLM, llama.cpp) the client's own CPU per request
 * sets the pace, and undici's pool costs about a third of what node:http's request/agent does and a
 * tenth of the global fetch (0.09, 0.25 and 0.93 ms of client CPU per request against the benchmarks'
 * instant server, 64 at a time; BENCHMARKS.md's engine section has the whole engine's figures). Tests
 * inject a fetch instead; both give the same WireReply.
 */
import { createRequire } from 'node:module';
import type { Dispatcher, Pool as UndiciPool } from 'undici';

// undici's Pool module alone, not the package's index: the index also installs undici's Agent as the
// process-wide dispatcher of Node's built-in fetch (which the AI SDK adapters use), and loads fetch,
// WebSocket and the rest: about 110 ms of start-up against 40. The version is pinned in package.json.
const Pool = createRequire(import.meta.url)('undici/lib/dispatcher/pool.js') as typeof UndiciPool;

/** The fetch an adapter may be given; tests inject their own. */
export type FetchLike = typeof globalThis.fetch;

export interface WireRequest {
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/** A response whose headers arrived; reading the body is a second step that can fail on its own. */
export interface WireReply {
  status: number;
  /** Response headers, lower-case names (read only on the error path). */
  headers(): Record<string, string>;
  text(): Promise<string>;
}

export interface Transport {
  post(url: string, request: WireRequest): Promise<WireReply>;
  /** Closes idle keep-alive connections. */
  close(): void;
}

/** The injected fetch when there is one, else an undici pool with keep-alive. */
export function transportFor(fetch: FetchLike | undefined): Transport {
  return fetch === undefined ? poolTransport() : fetchTransport(fetch);
}

export function fetchTransport(fetch: FetchLike): Transport {
  return {
    async post(url, request) {
      const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, signal: request.signal });
      return {
        status: response.status,
        headers: () => Object.fromEntries(response.headers),
        text: () => response.text(),
      };
    },
    close() {},
  };
}

/**
 * One pool per origin per adapter, so closing the adapter closes its connections and no other's.
 * undici's own header and body timeouts are off: each attempt's AbortSignal carries the adapter's
 * timeout, which a user may set beyond undici's default of 300 s for a slow local model.
 */
export function poolTransport(): Transport {
  const pools = new Map<string, UndiciPool>();
  const poolFor = (origin: string): UndiciPool => {
    let pool = pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, { headersTimeout: 0, bodyTimeout: 0 });
      pools.set(origin, pool);
    }
    return pool;
  };
  return {
    post(url, request) {
      const target = new URL(url);
      const options: Dispatcher.DispatchOptions = { method: 'POST', path: target.pathname + target.search, headers: request.headers, body: request.body };
      return dispatchPost(poolFor(target.origin), options, request.signal);
    },
    close() {
      for (const pool of pools.values()) void pool.destroy();
      pools.clear();
    },
  };
}

/**
 * One request through undici's dispatch API (no body stream: the chunks are collected as they come).
 * Resolves when the headers arrive; the reply's text() settles when the body ends or fails. An abort
 * of `signal` cancels the request at any point, with the signal's reason.
 */
function dispatchPost(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, signal: AbortSignal): Promise<WireReply> {
  return new Promise<WireReply>((resolveReply, rejectReply) => {
    if (signal.aborted) {
      rejectReply(signal.reason);
      return;
    }
    let abortRequest: ((error?: Error) => void) | undefined;
    const onAbort = (): void => abortRequest?.(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (): void => signal.removeEventListener('abort', onAbort);
    const chunks: Buffer[] = [];
    let replied = false;
    let settleBody: { resolve: (text: string) => void; reject: (error: unknown) => void } | undefined;
    const body = new Promise<string>((resolve, reject) => (settleBody = { resolve, reject }));
    body.catch(() => {}); // a caller that never reads the body must not leave an unhandled rejection
    dispatcher.dispatch(options, {
      onConnect(abort) {
        abortRequest = abort;
        if (signal.aborted) onAbort();
      },
      onHeaders(status, rawHeaders) {
        if (status < 200) return true; // 1xx: the real answer follows
        replied = true;
        resolveReply({ status, headers: () => headerRecord(rawHeaders), text: () => body });
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        done();
        settleBody?.resolve(Buffer.concat(chunks).toString('utf8'));
      },
      onError(error) {
        done();
        if (replied) settleBody?.reject(error);
        else rejectReply(error);
      },
    });
  });
}

/** undici's raw header list [name, value, name, value, …] as lower-case names; repeated names joined. */
function headerRecord(raw: readonly (Buffer | string)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = String(raw[i]).toLowerCase();
    const value = String(raw[i + 1]);
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}
