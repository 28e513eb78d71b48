/**
 * How an adapter's JSON POST reaches the server. Production uses node:http(s) with a keep-alive
 * agent: against a fast local server (vLLM, llama.cpp) the client's own CPU per request sets the
 * pace, and the global fetch (undici, web streams, Request/Response objects) costs several times
 * what a plain http.request does. Tests inject a fetch instead; both give the same WireReply.
 */
import http from 'node:http';
import https from 'node:https';

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

/** The injected fetch when there is one, else node:http with keep-alive. */
export function transportFor(fetch: FetchLike | undefined): Transport {
  return fetch === undefined ? nodeTransport() : fetchTransport(fetch);
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

/** One keep-alive agent per adapter, so closing the adapter closes its connections and no other's. */
export function nodeTransport(): Transport {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return {
    post(url, request) {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const send = secure ? https.request : http.request;
      return new Promise<WireReply>((resolve, reject) => {
        const req = send(
          target,
          {
            method: 'POST',
            agent: secure ? agents.https : agents.http,
            headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
            signal: request.signal,
          },
          (res) => resolve({ status: res.statusCode ?? 0, headers: () => flatHeaders(res.headers), text: () => readBody(res) }),
        );
        req.once('error', reject);
        req.end(request.body);
      });
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** The whole body as UTF-8; a connection that closes before the body's end rejects (a truncated answer). */
function readBody(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.once('error', reject);
    res.once('close', () => {
      if (!res.complete) reject(Object.assign(new Error('the connection closed before the body ended'), { code: 'ECONNRESET' }));
    });
  });
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
