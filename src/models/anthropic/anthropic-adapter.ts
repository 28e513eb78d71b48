import { createAnthropic } from '@ai-sdk/anthropic';
import type { LanguageModel } from 'ai';
import { ReliabenchError } from '../../core/errors.js';
import type { ModelAdapter, ModelMode, ModelRequest, ModelResponse } from '../model-adapter.js';
import type { CallContext } from '../error-mapping.js';
import type { FetchLike } from '../post-json.js';
import { generateWithSdk } from '../sdk-generate.js';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com/v1';

export interface AnthropicOptions {
  model: string;
  apiKey: string;
  /** Only chat: the Messages API has no raw completion endpoint. */
  mode?: ModelMode;
  /** Default https://api.anthropic.com/v1 (ANTHROPIC_BASE_URL). */
  baseURL?: string;
  fetch?: FetchLike;
}

/** Anthropic's Messages API through the AI SDK. Seed is unsupported there: the SDK warns and the warning is recorded. */
export class AnthropicAdapter implements ModelAdapter {
  readonly provider = 'anthropic';
  readonly modelId: string;
  readonly mode: ModelMode = 'chat';
  private readonly model: LanguageModel;
  private readonly ctx: CallContext;

  constructor(options: AnthropicOptions) {
    if (options.mode === 'completion') {
      throw new ReliabenchError(
        'BAD_MODEL_SPEC',
        `anthropic:${options.model} cannot run in completion mode (the Messages API only chats): drop ?mode=completion, or measure a raw model via ollama:, gguf: or openai-compatible:`,
        { input: `anthropic:${options.model}?mode=completion` },
      );
    }
    const baseURL = (options.baseURL ?? ANTHROPIC_DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.modelId = options.model;
    this.ctx = {
      label: `anthropic:${options.model}`,
      secrets: [options.apiKey],
      endpoint: baseURL,
      authHint: 'check ANTHROPIC_API_KEY',
      notFoundHint: 'check the model name, e.g. claude-3-5-sonnet-latest',
      networkHint: 'check the network connection and ANTHROPIC_BASE_URL',
    };
    this.model = createAnthropic({ baseURL, apiKey: options.apiKey, fetch: options.fetch ?? globalThis.fetch })(options.model);
  }

  generate(request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> {
    return generateWithSdk(this.model, request, signal, this.ctx);
  }
}
