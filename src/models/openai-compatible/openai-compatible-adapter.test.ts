import { afterEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../create-adapter.js';
import { NEVER, request, TEST_API_KEY } from '../../test-support/model-server/adapters-under-test.js';
import { mapResponder } from '../../test-support/model-server/responders.js';
import { startModelServer, type ModelServer } from '../../test-support/model-server/model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SETTINGS = { temperature: 0.3, maxTokens: 64, seed: 42, stop: ['\n\n', 'END'] };

describe('openai-compatible adapter, chat mode', () => {
  it('sends the prompt as the only user message with every setting, and maps the answer', async () => {
    server = await startModelServer({ responder: mapResponder({ 'What is 17 + 25?': 'The sum is 42.' }) });
    const adapter = await createAdapter(`openai-compatible:${server.url}/v1#my-model`, {});
    expect([adapter.provider, adapter.modelId, adapter.mode]).toEqual(['openai-compatible', 'my-model', 'chat']);
    const response = await adapter.generate(request('What is 17 + 25?', SETTINGS), NEVER);
    expect(response).toMatchObject({ text: 'The sum is 42.', finishReason: 'stop', usage: { inputTokens: 5, outputTokens: 4 }, warnings: [] });
    expect(response.raw).toMatchObject({ id: 'chatcmpl-000000000001', object: 'chat.completion', model: 'my-model' });
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
    const received = server.requests[0]!;
    expect(received.api).toBe('openai-chat');
    expect(received.settings).toEqual(SETTINGS);
    expect(received.body['messages']).toEqual([{ role: 'user', content: 'What is 17 + 25?' }]);
    expect(received.headers['authorization']).toBeUndefined();
  });

  it('reports length when max tokens cut the answer, and stop when a stop sequence did', async () => {
    server = await startModelServer({ responder: () => 'alpha beta gamma END delta' });
    const adapter = await createAdapter(`openai-compatible:${server.url}/v1#my-model`, {});
    const cut = await adapter.generate(request('x', { maxTokens: 2 }), NEVER);
    expect([cut.text, cut.finishReason]).toEqual(['alpha beta', 'length']);
    const stopped = await adapter.generate(request('x', { stop: ['END'] }), NEVER);
    expect([stopped.text, stopped.finishReason]).toEqual(['alpha beta gamma ', 'stop']);
  });

  it('sends OPENAI_COMPATIBLE_API_KEY as a bearer token when set', async () => {
    server = await startModelServer({ apiKey: TEST_API_KEY });
    const adapter = await createAdapter(`openai-compatible:${server.url}/v1#my-model`, { OPENAI_COMPATIBLE_API_KEY: TEST_API_KEY });
    expect((await adapter.generate(request('hi'), NEVER)).text).toBe('echo: hi');
    expect(server.requests[0]!.headers['authorization']).toBe(`Bearer ${TEST_API_KEY}`);
  });
});

describe('openai-compatible adapter, completion mode', () => {
  it('sends the raw prompt to /completions untouched: no role labels, no added stop sequence', async () => {
    server = await startModelServer({ responder: () => ' 42\n\nQuestion: next' });
    const adapter = await createAdapter(`openai-compatible:${server.url}/v1/#base-model?mode=completion`, {});
    expect(adapter.mode).toBe('completion');
    const prompt = 'What is 17 + 25?\n\nAnswer:';
    const response = await adapter.generate(request(prompt, SETTINGS), NEVER);
    const received = server.requests[0]!;
    expect(received.api).toBe('openai-completions');
    expect(received.body).toEqual({ model: 'base-model', prompt, max_tokens: 64, temperature: 0.3, seed: 42, stop: ['\n\n', 'END'], stream: false });
    expect(response).toMatchObject({ text: ' 42', finishReason: 'stop', usage: { inputTokens: 6, outputTokens: 1 }, warnings: [] });
    expect(response.raw).toMatchObject({ object: 'text_completion', id: 'cmpl-000000000001' });
  });

  it('leaves out seed and stop when the settings have none', async () => {
    server = await startModelServer();
    const adapter = await createAdapter(`openai-compatible:${server.url}/v1#base?mode=completion`, {});
    await adapter.generate(request('Once upon a time'), NEVER);
    expect(Object.keys(server.requests[0]!.body).sort()).toEqual(['max_tokens', 'model', 'prompt', 'stream', 'temperature']);
  });
});

describe('openai-compatible adapter, chat answers servers shape differently', () => {
  const answering = (body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

  it('reads a null content (a reasoning-only or tool-call answer) as empty text, not a failure', async () => {
    const adapter = await createAdapter('openai-compatible:http://127.0.0.1:1/v1#m', {}, answering({ choices: [{ message: { content: null, reasoning_content: 'hmm' }, finish_reason: 'tool_calls' }] }));
    const response = await adapter.generate(request('hi'), NEVER);
    expect([response.text, response.finishReason, response.usage]).toEqual(['', 'other', {}]);
  });

  it('names the missing field when a 200 body has no choices', async () => {
    const adapter = await createAdapter('openai-compatible:http://127.0.0.1:1/v1#m', {}, answering({ choices: [] }));
    await expect(adapter.generate(request('hi'), NEVER)).rejects.toMatchObject({ code: 'BAD_RESPONSE', message: expect.stringContaining('choices') });
  });
});
