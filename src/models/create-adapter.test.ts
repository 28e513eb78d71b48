import { describe, expect, it } from 'vitest';
import { ReliabenchError } from '../core/errors.js';
import type { ModelAdapter } from './model-adapter.js';
import { createAdapter } from './create-adapter.js';
import type { GgufSpec } from './model-spec.js';

async function failure(promise: Promise<unknown>): Promise<ReliabenchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReliabenchError);
  return error as ReliabenchError;
}

describe('createAdapter', () => {
  it('builds every HTTP provider from a spec without any network call', async () => {
    const env = { OPENAI_API_KEY: 'k1', ANTHROPIC_API_KEY: 'k2' };
    const calls: string[] = [];
    const fetchSpy = (async (url: string | URL | Request) => {
      calls.push(String(url));
      throw new Error('no network in this test');
    }) as typeof fetch;
    for (const [spec, provider, modelId, mode] of [
      ['openai:gpt-4o-mini', 'openai', 'gpt-4o-mini', 'chat'],
      ['openai:davinci-002?mode=completion', 'openai', 'davinci-002', 'completion'],
      ['anthropic:claude-3-5-sonnet-latest', 'anthropic', 'claude-3-5-sonnet-latest', 'chat'],
      ['ollama:llama3.2', 'ollama', 'llama3.2', 'chat'],
      ['openai-compatible:http://127.0.0.1:8000/v1#my-model?mode=completion', 'openai-compatible', 'my-model', 'completion'],
    ] as const) {
      const adapter = await createAdapter(spec, env, fetchSpy);
      expect([adapter.provider, adapter.modelId, adapter.mode]).toEqual([provider, modelId, mode]);
    }
    expect(calls).toEqual([]);
  });

  it('uses the injected fetch and the default endpoints', async () => {
    const calls: string[] = [];
    const fetchSpy = (async (url: string | URL | Request) => {
      calls.push(String(url));
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const request = { prompt: 'hi', settings: { temperature: 0, maxTokens: 5 }, sampleIndex: 0 };
    const signal = new AbortController().signal;
    for (const spec of ['openai:gpt-4o-mini', 'anthropic:claude-3-5-haiku-latest', 'ollama:llama3.2']) {
      const adapter = await createAdapter(spec, { OPENAI_API_KEY: 'k1', ANTHROPIC_API_KEY: 'k2' }, fetchSpy);
      await expect(adapter.generate(request, signal)).rejects.toMatchObject({ code: 'NETWORK' });
    }
    expect(calls).toEqual(['https://api.openai.com/v1/chat/completions', 'https://api.anthropic.com/v1/messages', 'http://127.0.0.1:11434/api/chat']);
  });

  it('a missing key is MISSING_API_KEY naming the variable', async () => {
    const openai = await failure(createAdapter('openai:gpt-4o-mini', {}));
    expect(openai.code).toBe('MISSING_API_KEY');
    expect(openai.message).toBe('openai:gpt-4o-mini needs an API key: set the OPENAI_API_KEY environment variable');
    const anthropic = await failure(createAdapter('anthropic:claude-3-5-sonnet-latest', { ANTHROPIC_API_KEY: '  ' }));
    expect(anthropic.message).toMatch(/set the ANTHROPIC_API_KEY environment variable/);
  });

  it('passes spec errors through', async () => {
    expect((await failure(createAdapter('llama3.2', {}))).code).toBe('BAD_MODEL_SPEC');
  });

  it('gguf is PROVIDER_UNAVAILABLE until a factory is injected, then uses it', async () => {
    const unavailable = await failure(createAdapter('gguf:./tiny.gguf', {}));
    expect(unavailable.code).toBe('PROVIDER_UNAVAILABLE');
    expect(unavailable.message).toMatch(/openai-compatible:http:\/\/127\.0\.0\.1:8080\/v1#model/);
    let seen: GgufSpec | undefined;
    const fake: ModelAdapter = { provider: 'gguf', modelId: 'tiny', mode: 'completion', generate: () => Promise.reject(new Error('unused')) };
    const adapter = await createAdapter('gguf:hf:user/repo/tiny.gguf?mode=completion', {}, undefined, {
      gguf: async (spec) => {
        seen = spec;
        return fake;
      },
    });
    expect(adapter).toBe(fake);
    expect(seen).toMatchObject({ provider: 'gguf', mode: 'completion', source: { kind: 'hf', repo: 'user/repo', file: 'tiny.gguf' } });
  });
});
