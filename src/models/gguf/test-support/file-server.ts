import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  /** e.g. http://127.0.0.1:34567 */
  url: string;
  /** Every request: method, path and headers. */
  requests: Array<{ method: string; path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that hands each request to `handle` (which may never answer). */
export async function startServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A 127.0.0.1 URL on which nothing listens (a port just released), so connecting is refused. */
export async function closedPortUrl(): Promise<string> {
  const server = await startServer(() => undefined);
  await server.close();
  return server.url;
}

/** Answers nothing at all: the connection stays open, as on a network that drops packets. */
export function neverAnswer(): void {
  // leave the request hanging
}

/** A fake GGUF file: the magic bytes, then `size - 4` bytes of a repeating pattern. */
export function fakeGguf(size: number): Buffer {
  const buf = Buffer.alloc(size);
  buf.write('GGUF', 0, 'latin1');
  for (let i = 4; i < size; i++) buf[i] = i % 251;
  return buf;
}

/** Serves `body` with Content-Length and honours `Range: bytes=N-` with a 206. */
export function serveBytes(body: Buffer) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range) {
      const from = Number(range[1]);
      if (from >= body.length) {
        res.writeHead(416).end();
        return;
      }
      res.writeHead(206, { 'content-length': body.length - from, 'content-range': `bytes ${from}-${body.length - 1}/${body.length}` });
      res.end(body.subarray(from));
      return;
    }
    res.writeHead(200, { 'content-length': body.length });
    res.end(body);
  };
}
