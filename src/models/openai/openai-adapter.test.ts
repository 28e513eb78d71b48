import { afterEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../create-adapter.js';
import { NEVER, request, TEST_API_KEY } from '../../test-support/model-server/adapters-under-test.js';
import { startModelServer, type ModelServer } from '../../test-support/model-server/model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const env = (url: string) => ({ OPENAI_API_KEY: TEST_API_KEY, OPENAI_BASE_URL: `${url}/v1` });

describe('openai adapter (baseURL pointed at the test server)', () => {
  it('chats over /chat/completions with the key as a bearer token and the settings on the wire', async () => {
    server = await startModelServer({ apiKey: TEST_API_KEY, responder: () => 'Paris' });
    const adapter = await createAdapter('openai:gpt-4o-mini', env(server.url));
    expect([adapter.provider, adapter.modelId, adapter.mode]).toEqual(['openai', 'gpt-4o-mini', 'chat']);
    const response = await adapter.generate(request('Capital of France?', { temperature: 0, maxTokens: 16, seed: 7, stop: ['\n'] }), NEVER);
    expect(response).toMatchObject({ text: 'Paris', finishReason: 'stop', usage: { inputTokens: 3, outputTokens: 1 }, warnings: [] });
    const received = server.requests[0]!;
    expect(received.path).toBe('/v1/chat/completions');
    expect(received.headers['authorization']).toBe(`Bearer ${TEST_API_KEY}`);
    expect(received.settings).toEqual({ temperature: 0, maxTokens: 16, seed: 7, stop: ['\n'] });
  });

  it('records what the SDK drops for reasoning models as warnings', async () => {
    server = await startModelServer({ apiKey: TEST_API_KEY });
    const adapter = await createAdapter('openai:o3-mini', env(server.url));
    const response = await adapter.generate(request('hi', { temperature: 0, maxTokens: 100 }), NEVER);
    expect(response.warnings.some((w) => /temperature/.test(w))).toBe(true);
    expect(server.requests[0]!.body['temperature']).toBeUndefined();
    expect(server.requests[0]!.body['max_completion_tokens']).toBe(100);
  });

  it('completes raw text over /completions in completion mode', async () => {
    server = await startModelServer({ apiKey: TEST_API_KEY, responder: () => ' 4' });
    const adapter = await createAdapter('openai:gpt-3.5-turbo-instruct?mode=completion', env(server.url));
    const response = await adapter.generate(request('2 + 2 =', { maxTokens: 3 }), NEVER);
    expect(response.text).toBe(' 4');
    expect(server.requests[0]!.path).toBe('/v1/completions');
    expect(server.requests[0]!.body['prompt']).toBe('2 + 2 =');
    expect(server.requests[0]!.headers['authorization']).toBe(`Bearer ${TEST_API_KEY}`);
  });
});
