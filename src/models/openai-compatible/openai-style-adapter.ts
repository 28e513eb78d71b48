import type { LanguageModel } from 'ai';
import type { ModelAdapter, ModelMode, ModelRequest, ModelResponse } from '../model-adapter.js';
import type { CallContext } from '../error-mapping.js';
import { generateWithSdk } from '../sdk-generate.js';
import { generateCompletion, type CompletionsTarget } from './completions-request.js';

/** OpenAI: chat through the AI SDK's chat model (/chat/completions); completion through raw /completions. */
export class OpenAIStyleAdapter implements ModelAdapter {
  readonly provider: string;
  readonly modelId: string;
  readonly mode: ModelMode;
  private readonly chatModel: LanguageModel;
  private readonly completions: CompletionsTarget;
  private readonly ctx: CallContext;

  constructor(init: { provider: string; modelId: string; mode: ModelMode; chatModel: LanguageModel; completions: CompletionsTarget }) {
    this.provider = init.provider;
    this.modelId = init.modelId;
    this.mode = init.mode;
    this.chatModel = init.chatModel;
    this.completions = init.completions;
    this.ctx = init.completions.ctx;
  }

  generate(request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> {
    return this.mode === 'chat'
      ? generateWithSdk(this.chatModel, request, signal, this.ctx)
      : generateCompletion(this.completions, request, signal);
  }

  async close(): Promise<void> {
    this.completions.transport.close();
  }
}
