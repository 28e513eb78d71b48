import { createAdapter } from '../../models/create-adapter.js';
import type { ModelAdapter, ModelRequest } from '../../models/model-adapter.js';
import type { ModelServer } from './model-server.js';

/** The key the fixtures put in the environment; tests prove it never leaks. */
export const TEST_API_KEY = 'sk-test-DO-NOT-LEAK-0123456789abcdef';

/** Every HTTP adapter and mode, built through createAdapter with the environment a person would set. */
export const HTTP_ADAPTERS = [
  { name: 'openai-compatible chat', spec: (url: string) => `openai-compatible:${url}/v1#my-model`, env: () => ({}) },
  { name: 'openai-compatible completion', spec: (url: string) => `openai-compatible:${url}/v1#my-model?mode=completion`, env: () => ({}) },
  { name: 'openai chat', spec: () => 'openai:gpt-4o-mini', env: (url: string) => ({ OPENAI_API_KEY: TEST_API_KEY, OPENAI_BASE_URL: `${url}/v1` }) },
  {
    name: 'openai completion',
    spec: () => 'openai:gpt-3.5-turbo-instruct?mode=completion',
    env: (url: string) => ({ OPENAI_API_KEY: TEST_API_KEY, OPENAI_BASE_URL: `${url}/v1` }),
  },
  { name: 'anthropic', spec: () => 'anthropic:claude-3-5-sonnet-latest', env: (url: string) => ({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: `${url}/v1` }) },
  { name: 'ollama chat', spec: () => 'ollama:llama3.2', env: (url: string) => ({ OLLAMA_HOST: url }) },
  { name: 'ollama completion', spec: () => 'ollama:llama3.2?mode=completion', env: (url: string) => ({ OLLAMA_HOST: url }) },
] as const;

export type HttpAdapterName = (typeof HTTP_ADAPTERS)[number]['name'];

export function adapterFor(name: HttpAdapterName, server: ModelServer): Promise<ModelAdapter> {
  const fixture = HTTP_ADAPTERS.find((a) => a.name === name);
  if (fixture === undefined) throw new Error(`no adapter fixture ${name}`);
  return createAdapter(fixture.spec(server.url), fixture.env(server.url));
}

export function request(prompt: string, settings: Partial<ModelRequest['settings']> = {}): ModelRequest {
  return { prompt, settings: { temperature: 0, maxTokens: 64, ...settings }, sampleIndex: 0 };
}

/** A signal that never fires, for calls that are not about cancellation. */
export const NEVER: AbortSignal = new AbortController().signal;
