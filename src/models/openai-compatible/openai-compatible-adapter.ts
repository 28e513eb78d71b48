import type { ModelAdapter, ModelMode, ModelRequest, ModelResponse } from '../model-adapter.js';
import type { CallContext } from '../error-mapping.js';
import { transportFor, type FetchLike } from '../http-transport.js';
import { generateChat } from './chat-request.js';
import { generateCompletion, type CompletionsTarget } from './completions-request.js';

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

/**
 * vLLM, llama.cpp server, LM Studio, Ollama's /v1 … anything speaking OpenAI's chat and completions
 * API: chat through /chat/completions, completion through raw /completions, both plain JSON posts.
 */
export function createOpenAICompatibleAdapter(options: OpenAICompatibleOptions): ModelAdapter {
  const baseURL = options.baseURL.replace(/\/+$/, '');
  const apiKey = options.apiKey === '' ? undefined : options.apiKey;
  const ctx: CallContext = {
    label: `openai-compatible:${options.model}`,
    secrets: apiKey === undefined ? [] : [apiKey],
    endpoint: baseURL,
    authHint: 'set OPENAI_COMPATIBLE_API_KEY to the key the server expects',
    notFoundHint: 'check the model name and that the URL is the API root (often ending in /v1)',
    networkHint: `is the server running at ${baseURL}?`,
  };
  const target: CompletionsTarget = { baseURL, model: options.model, transport: transportFor(options.fetch), ctx, ...(apiKey === undefined ? {} : { apiKey }) };
  const mode = options.mode ?? 'chat';
  const send = mode === 'chat' ? generateChat : generateCompletion;
  return {
    provider: 'openai-compatible',
    modelId: options.model,
    mode,
    generate: (request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> => send(target, request, signal),
    close: async (): Promise<void> => target.transport.close(),
  };
}
