import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { poolTransport, type Transport } from './http-transport.js';

let server: http.Server | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  transport?.close();
  transport = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A real HTTP server on 127.0.0.1; returns its base URL. */
async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, signal = new AbortController().signal) =>
  (transport ??= poolTransport()).post(url, { headers: { 'content-type': 'application/json' }, body: '{"x":"ünï"}', signal });

describe('poolTransport over a real socket', () => {
  it('sends the body and path with query, and reads a chunked body whose UTF-8 characters are split across writes', async () => {
    let seen = '';
    const url = await serve((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        seen = `${req.method} ${req.url} ${body}`;
        const bytes = Buffer.from('{"text":"naïve café — 日本語 ✓"}', 'utf8');
        res.writeHead(200, { 'content-type': 'application/json' }); // no content-length: chunked
        for (let i = 0; i < bytes.length; i += 3) res.write(bytes.subarray(i, i + 3)); // cuts multi-byte characters
        res.end();
      });
    });
    const reply = await post(`${url}/v1/chat/completions?api-version=2`);
    expect(reply.status).toBe(200);
    expect(await reply.text()).toBe('{"text":"naïve café — 日本語 ✓"}');
    expect(seen).toBe('POST /v1/chat/completions?api-version=2 {"x":"ünï"}');
  });

  it('gives header names in lower case and joins a repeated header', async () => {
    const url = await serve((_req, res) => {
      res.setHeader('Retry-After', '7');
      res.setHeader('X-Note', ['a', 'b']);
      res.writeHead(429).end('{}');
    });
    const reply = await post(url);
    expect(reply.status).toBe(429);
    expect(reply.headers()).toMatchObject({ 'retry-after': '7', 'x-note': 'a, b' });
  });

  it('keeps connections alive: 20 requests in sequence use at most 2 (the next request may be sent before the last one frees its connection)', async () => {
    const sockets = new Set<unknown>();
    const url = await serve((req, res) => {
      sockets.add(req.socket);
      res.end('{}');
    });
    for (let i = 0; i < 20; i++) await (await post(url)).text();
    expect(sockets.size).toBeLessThanOrEqual(2);
  });

  it('an abort while the body streams rejects text() with the signal reason', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200);
      res.write('{"partial":'); // and never ends
    });
    const controller = new AbortController();
    const reply = await post(url, controller.signal);
    const reason = new DOMException('no answer within 50 ms', 'TimeoutError');
    setTimeout(() => controller.abort(reason), 20);
    await expect(reply.text()).rejects.toBe(reason);
  });

  it('an abort before the headers rejects the reply; an already-aborted signal sends nothing', async () => {
    let requests = 0;
    const url = await serve(() => void requests++); // never answers
    const controller = new AbortController();
    const pending = post(url, controller.signal);
    setTimeout(() => controller.abort(new Error('stopped by the user')), 20);
    await expect(pending).rejects.toThrow('stopped by the user');
    const before = requests;
    await expect(post(url, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
    expect(requests).toBe(before);
  });

  it('a body cut off by the server rejects text() with a socket error, not a short answer', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"text":"only part');
      setTimeout(() => res.socket?.destroy(), 10);
    });
    const reply = await post(url);
    await expect(reply.text()).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
  });

  it("leaves the built-in fetch's process-wide dispatcher alone (the AI SDK adapters use it)", async () => {
    const key = Symbol.for('undici.globalDispatcher.1');
    const before = (globalThis as Record<symbol, unknown>)[key];
    const url = await serve((_req, res) => res.end('{}'));
    await (await post(url)).text();
    expect((globalThis as Record<symbol, unknown>)[key]).toBe(before);
  });
});
