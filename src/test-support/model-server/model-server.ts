import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { anthropicMessagesWire } from './anthropic-wire.js';
import { FaultPlan, type Fault, type FaultOptions } from './faults.js';
import { ollamaChatWire, ollamaGenerateWire } from './ollama-wire.js';
import { openAIChatWire, openAICompletionsWire } from './openai-wire.js';
import { echoResponder, shapeReply, type ReceivedRequest, type Responder } from './responders.js';
import { WireRequestError, type ReadRequest, type ReplyMeta, type WireFormat } from './wire-format.js';

/**
 * A real HTTP model server on 127.0.0.1 (a free port) for adapter tests. It speaks OpenAI chat and
 * completions (/v1/chat/completions, /v1/completions), Anthropic Messages (/v1/messages) and Ollama's
 * native API (/api/chat, /api/generate; stream: false), answers from a deterministic responder, injects
 * faults (faults.ts), records every request, and closes every socket on close().
 */
export interface ModelServerOptions extends FaultOptions {
  responder?: Responder;
  /** When set, requests must carry it (Authorization: Bearer … or x-api-key), else 401. */
  apiKey?: string;
  /** When set, other model names get the API's 404 "model not found". */
  knownModels?: readonly string[];
}

export interface ModelServer {
  /** e.g. http://127.0.0.1:39123 (OpenAI and Anthropic roots are `${url}/v1`). */
  url: string;
  port: number;
  /** Every request that reached a known route, in arrival order (including faulted ones). */
  readonly requests: readonly ReceivedRequest[];
  readonly requestCount: number;
  countFor(prompt: string): number;
  enqueueFaults(...faults: (Fault | null)[]): void;
  close(): Promise<void>;
}

const ROUTES: Record<string, WireFormat> = {
  '/v1/chat/completions': openAIChatWire,
  '/v1/completions': openAICompletionsWire,
  '/v1/messages': anthropicMessagesWire,
  '/api/chat': ollamaChatWire,
  '/api/generate': ollamaGenerateWire,
};

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Incorrect API key provided',
  403: 'Permission denied',
  404: 'The model does not exist or you do not have access to it',
  429: 'Rate limit reached for requests',
  500: 'The server had an error while processing your request',
  502: 'Bad gateway',
  503: 'The server is overloaded, please try again later',
  529: 'Overloaded',
};

export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const responder = options.responder ?? echoResponder;
  const plan = new FaultPlan(options);
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `test server bug: ${String(error)}` } });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] as string;
    const wire = ROUTES[path];
    const bodyText = await readBody(req);
    if (req.method !== 'POST' || wire === undefined) {
      sendJson(res, 404, { error: { message: `Unknown route ${req.method} ${path}`, type: 'invalid_request_error' } });
      return;
    }
    let body: Record<string, unknown>;
    let read: ReadRequest;
    try {
      const parsed: unknown = JSON.parse(bodyText);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new WireRequestError('body must be a JSON object');
      body = parsed as Record<string, unknown>;
      read = wire.read(body);
    } catch (error) {
      sendJson(res, 400, wire.error(400, error instanceof WireRequestError ? error.message : 'We could not parse the JSON body of your request'));
      return;
    }
    const request: ReceivedRequest = { index: requests.length, api: wire.name, path, headers: req.headers, body, ...read };
    requests.push(request);
    const meta: ReplyMeta = { model: read.model, index: request.index };

    if (options.apiKey !== undefined && !carriesKey(req, options.apiKey)) {
      sendJson(res, 401, wire.error(401, DEFAULT_MESSAGES[401] as string));
      return;
    }
    const fault = plan.next(request);
    if (fault?.kind === 'delay') await sleep(fault.ms);
    else if (fault !== undefined) return applyFault(fault, wire, meta, request, req, res);
    if (options.knownModels !== undefined && !options.knownModels.includes(read.model)) {
      sendJson(res, 404, wire.error(404, `model "${read.model}" not found, try pulling it first`));
      return;
    }
    const reply = await responder(request);
    const shaped = shapeReply(typeof reply === 'string' ? { text: reply } : reply, request);
    sendJson(res, 200, wire.success(shaped, meta));
  }

  function applyFault(fault: Fault, wire: WireFormat, meta: ReplyMeta, request: ReceivedRequest, req: IncomingMessage, res: ServerResponse): void {
    switch (fault.kind) {
      case 'status': {
        let message = fault.message ?? DEFAULT_MESSAGES[fault.status] ?? `HTTP ${fault.status}`;
        if (fault.echoHeaders) message += ` (request headers: ${JSON.stringify(request.headers)})`;
        sendJson(res, fault.status, wire.error(fault.status, message), fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter });
        return;
      }
      case 'hang':
        return; // closed by the client's abort or by close()
      case 'malformed-json': {
        const full = JSON.stringify(wire.success(shapeReply({ text: 'partial' }, request), meta));
        sendRaw(res, 200, full.slice(0, Math.floor(full.length / 2)));
        return;
      }
      case 'missing-fields':
        sendJson(res, 200, wire.hollow(meta));
        return;
      case 'truncated': {
        const full = Buffer.from(JSON.stringify(wire.success(shapeReply({ text: 'this answer is cut off' }, request), meta)));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(full.length) });
        res.write(full.subarray(0, Math.floor(full.length / 2)), () => req.socket.destroy());
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'delay':
        return; // handled before
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get requestCount() {
      return requests.length;
    },
    countFor: (prompt) => requests.filter((r) => r.prompt === prompt).length,
    enqueueFaults: (...faults) => plan.enqueue(...faults),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function carriesKey(req: IncomingMessage, key: string): boolean {
  return req.headers['authorization'] === `Bearer ${key}` || req.headers['x-api-key'] === key;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, JSON.stringify(body), headers);
}

function sendRaw(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(text);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers });
  res.end(payload);
}
