import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelError, type ModelErrorCode } from './model-adapter.js';
import { createAdapter } from './create-adapter.js';
import { adapterFor, HTTP_ADAPTERS, NEVER, request } from '../test-support/model-server/adapters-under-test.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import type { Fault } from '../test-support/model-server/faults.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(ModelError);
  return outcome as ModelError;
}

interface Case {
  fault: Fault;
  code: ModelErrorCode;
  retryable: boolean;
  status?: number;
  retryAfterMs?: number;
}

const CASES: Record<string, Case> = {
  '429 with Retry-After seconds': { fault: { kind: 'status', status: 429, retryAfter: '2' }, code: 'RATE_LIMITED', retryable: true, status: 429, retryAfterMs: 2000 },
  '500': { fault: { kind: 'status', status: 500 }, code: 'SERVER_ERROR', retryable: true, status: 500 },
  '502': { fault: { kind: 'status', status: 502 }, code: 'SERVER_ERROR', retryable: true, status: 502 },
  '503': { fault: { kind: 'status', status: 503, retryAfter: '1' }, code: 'OVERLOADED', retryable: true, status: 503, retryAfterMs: 1000 },
  '529': { fault: { kind: 'status', status: 529 }, code: 'OVERLOADED', retryable: true, status: 529 },
  '401': { fault: { kind: 'status', status: 401 }, code: 'AUTH', retryable: false, status: 401 },
  '403': { fault: { kind: 'status', status: 403 }, code: 'AUTH', retryable: false, status: 403 },
  '400': { fault: { kind: 'status', status: 400, message: 'prompt is too long' }, code: 'BAD_REQUEST', retryable: false, status: 400 },
  '404': { fault: { kind: 'status', status: 404 }, code: 'BAD_REQUEST', retryable: false, status: 404 },
  '422': { fault: { kind: 'status', status: 422 }, code: 'BAD_REQUEST', retryable: false, status: 422 },
  'malformed JSON': { fault: { kind: 'malformed-json' }, code: 'BAD_RESPONSE', retryable: true, status: 200 },
  'missing fields': { fault: { kind: 'missing-fields' }, code: 'BAD_RESPONSE', retryable: true, status: 200 },
  'truncated body': { fault: { kind: 'truncated' }, code: 'NETWORK', retryable: true },
  'connection reset': { fault: { kind: 'reset' }, code: 'NETWORK', retryable: true },
};

describe.each(HTTP_ADAPTERS.map((a) => a.name))('%s: failures become ModelErrors', (name) => {
  it.each(Object.entries(CASES))('%s', async (_label, c) => {
    server = await startModelServer({ faults: [c.fault] });
    const adapter = await adapterFor(name, server);
    const error = await failure(adapter.generate(request('What is 2+2?'), NEVER));
    expect({ code: error.code, retryable: error.retryable, status: error.status, retryAfterMs: error.retryAfterMs }).toEqual({
      code: c.code,
      retryable: c.retryable,
      status: c.status,
      retryAfterMs: c.retryAfterMs,
    });
    expect(error.message).toMatch(/^(openai|anthropic|ollama|openai-compatible):/);
    expect(server.requestCount).toBe(1); // the adapter never retries: that is the engine's job
  });

  it('a request past the deadline → TIMEOUT; a cancelled one → CANCELLED; both retry-safe as coded', async () => {
    server = await startModelServer({ faults: [{ kind: 'hang' }, { kind: 'hang' }] });
    const adapter = await adapterFor(name, server);
    const timedOut = await failure(adapter.generate(request('slow'), AbortSignal.timeout(150)));
    expect([timedOut.code, timedOut.retryable]).toEqual(['TIMEOUT', true]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const cancelled = await failure(adapter.generate(request('slow'), controller.signal));
    expect([cancelled.code, cancelled.retryable]).toEqual(['CANCELLED', false]);
    expect(server.requestCount).toBe(2);
  });

  it('an already-cancelled signal sends nothing', async () => {
    server = await startModelServer();
    const adapter = await adapterFor(name, server);
    const controller = new AbortController();
    controller.abort();
    expect((await failure(adapter.generate(request('x'), controller.signal))).code).toBe('CANCELLED');
    expect(server.requestCount).toBe(0);
  });

  it('an unreachable port → NETWORK at once, not a timeout', async () => {
    const probe = await startModelServer();
    const deadPort = probe.port;
    await probe.close();
    const fixture = HTTP_ADAPTERS.find((a) => a.name === name)!;
    const url = `http://127.0.0.1:${deadPort}`;
    const adapter = await createAdapter(fixture.spec(url), fixture.env(url));
    const error = await failure(adapter.generate(request('x'), AbortSignal.timeout(10_000)));
    expect([error.code, error.retryable]).toEqual(['NETWORK', true]);
    expect(error.message).toContain(`127.0.0.1:${deadPort}`);
  });
});

describe('Retry-After as an HTTP date', () => {
  it('becomes the milliseconds until that date', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    server = await startModelServer({ faults: [{ kind: 'status', status: 429, retryAfter: at }] });
    const adapter = await adapterFor('anthropic', server);
    const error = await failure(adapter.generate(request('x'), NEVER));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBeGreaterThan(25_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });
});

describe('a port nobody listens on', () => {
  it('is found free by the OS and refused', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const adapter = await createAdapter(`ollama:llama3.2`, { OLLAMA_HOST: `127.0.0.1:${port}` });
    const error = await failure(adapter.generate(request('x'), NEVER));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).toMatch(/ollama serve/);
  });
});
