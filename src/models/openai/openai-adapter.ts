import { createOpenAI } from '@ai-sdk/openai';
import type { ModelAdapter, ModelMode } from '../model-adapter.js';
import type { CallContext } from '../error-mapping.js';
import type { FetchLike } from '../post-json.js';
import { OpenAIStyleAdapter } from '../openai-compatible/openai-style-adapter.js';
import { transportFor } from '../http-transport.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAIOptions {
  model: string;
  apiKey: string;
  /** Default chat (/chat/completions); completion uses /completions (gpt-3.5-turbo-instruct, davinci-002). */
  mode?: ModelMode;
  /** Default https://api.openai.com/v1 (OPENAI_BASE_URL). */
  baseURL?: string;
  fetch?: FetchLike;
}

/**
 * OpenAI through the AI SDK's Chat Completions model (not the Responses API: one request, one answer,
 * the same wire format the rest of the OpenAI-style servers speak). The SDK handles reasoning models
 * (max_completion_tokens, dropped temperature) and reports what it dropped as warnings.
 */
export function createOpenAIAdapter(options: OpenAIOptions): ModelAdapter {
  const baseURL = (options.baseURL ?? OPENAI_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const fetch = options.fetch ?? globalThis.fetch;
  const ctx: CallContext = {
    label: `openai:${options.model}`,
    secrets: [options.apiKey],
    endpoint: baseURL,
    authHint: 'check OPENAI_API_KEY',
    notFoundHint: 'check the model name (and ?mode=completion only for completion models)',
    networkHint: 'check the network connection and OPENAI_BASE_URL',
  };
  const provider = createOpenAI({ baseURL, apiKey: options.apiKey, fetch });
  return new OpenAIStyleAdapter({
    provider: 'openai',
    modelId: options.model,
    mode: options.mode ?? 'chat',
    chatModel: provider.chat(options.model),
    completions: { baseURL, model: options.model, apiKey: options.apiKey, transport: transportFor(options.fetch), ctx },
  });
}
