/**
 * A minimal OpenAI-compatible server that answers every request at once, for the peer benchmark
 * (bench/peer.bench.ts). It runs in its own process so the tools under test never share its event
 * loop, records nothing (no per-request state, so memory stays flat under a load generator), and
 * answers POST /v1/chat/completions and /v1/completions with a short fixed answer. Any other route is
 * a 404.
 *
 *   node --import tsx bench/instant-server.ts [port]     # prints "listening <url>" on stdout
 *
 * With an IPC channel (child_process.fork) it also sends { type: 'ready', url } and answers
 * { type: 'stats' } with its request count and CPU time; it exits on { type: 'close' } or disconnect.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const ANSWER = 'The answer is 42.';
const CREATED = 1_764_288_000;
let requests = 0;

function reply(path: string, model: string): string | undefined {
  const n = requests;
  const usage = { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 };
  if (path === '/v1/chat/completions') {
    return JSON.stringify({
      id: `chatcmpl-${n}`, object: 'chat.completion', created: CREATED, model,
      choices: [{ index: 0, message: { role: 'assistant', content: ANSWER }, logprobs: null, finish_reason: 'stop' }], usage,
    });
  }
  if (path === '/v1/completions') {
    return JSON.stringify({
      id: `cmpl-${n}`, object: 'text_completion', created: CREATED, model,
      choices: [{ index: 0, text: ` ${ANSWER}`, logprobs: null, finish_reason: 'stop' }], usage,
    });
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let model = 'bench';
    if (chunks.length > 0) {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model?: unknown };
        if (typeof body.model === 'string') model = body.model;
      } catch {
        send(res, 400, JSON.stringify({ error: { message: 'body is not JSON', type: 'invalid_request_error' } }));
        return;
      }
    }
    const body = req.method === 'POST' ? reply(path, model) : undefined;
    if (body === undefined) {
      send(res, 404, JSON.stringify({ error: { message: `Unknown route ${req.method ?? ''} ${path}`, type: 'invalid_request_error' } }));
      return;
    }
    requests++;
    send(res, 200, body);
  });
}

const server = createServer({ keepAliveTimeout: 30_000 }, handle);
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.stdout.write(`listening ${url}\n`);
  process.send?.({ type: 'ready', url });
});

process.on('message', (m: { type?: string }) => {
  if (m.type === 'stats') {
    const cpu = process.cpuUsage();
    process.send?.({ type: 'stats', requests, cpuMicros: cpu.user + cpu.system, rssBytes: process.memoryUsage().rss });
  } else if (m.type === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
