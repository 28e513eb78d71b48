import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { ModelAdapter, ModelMode } from '../model-adapter.js';
import type { CallContext } from '../error-mapping.js';
import type { FetchLike } from '../post-json.js';
import { OpenAIStyleAdapter } from './openai-style-adapter.js';

export interface OpenAICompatibleOptions {
  /** The API root, e.g. http://127.0.0.1:8000/v1. */
  baseURL: string;
  model: string;
  /** Default chat. */
  mode?: ModelMode;
  /** Sent as a Bearer token when set (OPENAI_COMPATIBLE_API_KEY); local servers usually need none. */
  apiKey?: string;
  fetch?: FetchLike;
}

/** vLLM, llama.cpp server, LM Studio, Ollama's /v1 … anything speaking OpenAI's chat and completions API. */
export function createOpenAICompatibleAdapter(options: OpenAICompatibleOptions): ModelAdapter {
  const baseURL = options.baseURL.replace(/\/+$/, '');
  const fetch = options.fetch ?? globalThis.fetch;
  const apiKey = options.apiKey === '' ? undefined : options.apiKey;
  const ctx: CallContext = {
    label: `openai-compatible:${options.model}`,
    secrets: apiKey === undefined ? [] : [apiKey],
    endpoint: baseURL,
    authHint: 'set OPENAI_COMPATIBLE_API_KEY to the key the server expects',
    notFoundHint: 'check the model name and that the URL is the API root (often ending in /v1)',
    networkHint: `is the server running at ${baseURL}?`,
  };
  const provider = createOpenAICompatible({ name: 'openai-compatible', baseURL, fetch, ...(apiKey === undefined ? {} : { apiKey }) });
  return new OpenAIStyleAdapter({
    provider: 'openai-compatible',
    modelId: options.model,
    mode: options.mode ?? 'chat',
    chatModel: provider.chatModel(options.model),
    completions: { baseURL, model: options.model, fetch, ctx, ...(apiKey === undefined ? {} : { apiKey }) },
  });
}
