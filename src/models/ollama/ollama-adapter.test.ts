import { afterEach, describe, expect, it } from 'vitest';
import { ModelError } from '../model-adapter.js';
import { createAdapter } from '../create-adapter.js';
import { NEVER, request } from '../../test-support/model-server/adapters-under-test.js';
import { startModelServer, type ModelServer } from '../../test-support/model-server/model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SETTINGS = { temperature: 0.2, maxTokens: 40, seed: 9, stop: ['\n'] };

describe('ollama adapter (native API)', () => {
  it('chat mode posts /api/chat with stream:false and options, and reads counts as usage', async () => {
    server = await startModelServer({ responder: () => 'Blue, mostly.' });
    const adapter = await createAdapter('ollama:llama3.2:3b', { OLLAMA_HOST: server.url.replace('http://', '') });
    expect([adapter.provider, adapter.modelId, adapter.mode]).toEqual(['ollama', 'llama3.2:3b', 'chat']);
    const response = await adapter.generate(request('What colour is the sky?', SETTINGS), NEVER);
    expect(response).toMatchObject({ text: 'Blue, mostly.', finishReason: 'stop', usage: { inputTokens: 5, outputTokens: 2 }, warnings: [] });
    expect(response.raw).toMatchObject({ model: 'llama3.2:3b', done: true, eval_count: 2 });
    expect(server.requests[0]!.body).toEqual({
      model: 'llama3.2:3b',
      messages: [{ role: 'user', content: 'What colour is the sky?' }],
      stream: false,
      options: { temperature: 0.2, num_predict: 40, seed: 9, stop: ['\n'] },
    });
  });

  it('completion mode posts /api/generate with raw:true so no chat template wraps the prompt', async () => {
    server = await startModelServer({ responder: () => ' 1 2 3 4 5 6' });
    const adapter = await createAdapter('ollama:llama3.2?mode=completion', { OLLAMA_HOST: server.url });
    const response = await adapter.generate(request('Count: 0', { maxTokens: 3 }), NEVER);
    expect([response.text, response.finishReason]).toEqual(['1 2 3', 'length']);
    expect(server.requests[0]!.path).toBe('/api/generate');
    expect(server.requests[0]!.body).toMatchObject({ model: 'llama3.2', prompt: 'Count: 0', raw: true, stream: false, options: { num_predict: 3 } });
  });

  it('a model that is not pulled is a BAD_REQUEST telling the person to pull it', async () => {
    server = await startModelServer({ knownModels: ['llama3.2'] });
    const adapter = await createAdapter('ollama:qwen2.5:0.5b', { OLLAMA_HOST: server.url });
    const error = await adapter.generate(request('hi'), NEVER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('BAD_REQUEST');
    expect((error as ModelError).message).toMatch(/model "qwen2.5:0.5b" not found.*ollama pull qwen2.5:0.5b/);
  });
});
