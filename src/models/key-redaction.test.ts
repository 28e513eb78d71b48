import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelError } from './model-adapter.js';
import { createAdapter } from './create-adapter.js';
import { NEVER, request, TEST_API_KEY } from '../test-support/model-server/adapters-under-test.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEYED = [
  { name: 'openai chat', spec: () => 'openai:gpt-4o-mini', env: (url: string) => ({ OPENAI_API_KEY: TEST_API_KEY, OPENAI_BASE_URL: `${url}/v1` }) },
  { name: 'openai completion', spec: () => 'openai:davinci-002?mode=completion', env: (url: string) => ({ OPENAI_API_KEY: TEST_API_KEY, OPENAI_BASE_URL: `${url}/v1` }) },
  { name: 'anthropic', spec: () => 'anthropic:claude-3-5-sonnet-latest', env: (url: string) => ({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: `${url}/v1` }) },
  { name: 'openai-compatible chat', spec: (url: string) => `openai-compatible:${url}/v1#m`, env: () => ({ OPENAI_COMPATIBLE_API_KEY: TEST_API_KEY }) },
  { name: 'openai-compatible completion', spec: (url: string) => `openai-compatible:${url}/v1#m?mode=completion`, env: () => ({ OPENAI_COMPATIBLE_API_KEY: TEST_API_KEY }) },
];

describe.each(KEYED)('$name never leaks the API key', ({ spec, env }) => {
  it('not in the error when a 401 echoes the request headers back', async () => {
    server = await startModelServer({ faults: [{ kind: 'status', status: 401, echoHeaders: true }] });
    const adapter = await createAdapter(spec(server.url), env(server.url));
    const error = await adapter.generate(request('hi'), NEVER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('AUTH');
    // The server really did echo it, so the test can fail:
    expect(JSON.stringify(server.requests[0]!.headers)).toContain(TEST_API_KEY);
    expect((error as ModelError).message).toContain('[redacted]');
    const everything = inspect(error, { depth: 10, showHidden: true }) + JSON.stringify(error) + String((error as Error).stack);
    expect(everything).not.toContain(TEST_API_KEY);
  });

  it('not in text or raw when a 200 echoes the request headers back', async () => {
    server = await startModelServer({ responder: (r) => `headers were ${JSON.stringify(r.headers)}` });
    const adapter = await createAdapter(spec(server.url), env(server.url));
    const response = await adapter.generate(request('hi', { maxTokens: 1000 }), NEVER);
    expect(response.text).toContain('[redacted]');
    expect(JSON.stringify(response)).not.toContain(TEST_API_KEY);
  });
});
