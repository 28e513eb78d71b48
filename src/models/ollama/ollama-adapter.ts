import type { FinishReason, ModelAdapter, ModelMode, ModelRequest, ModelResponse } from '../model-adapter.js';
import type { CallContext } from '../error-mapping.js';
import { postJson } from '../post-json.js';
import { transportFor, type FetchLike, type Transport } from '../http-transport.js';
import { redactDeep } from '../redact.js';
import { usageOf } from '../token-usage.js';
import { DEFAULT_OLLAMA_HOST } from '../model-spec.js';
import { nullish, number, object, readWire, string } from '../wire-shape.js';

export interface OllamaOptions {
  model: string;
  /** Default http://127.0.0.1:11434 (OLLAMA_HOST, normalised by model-spec's ollamaHost). */
  host?: string;
  /** chat → /api/chat (the model's chat template); completion → /api/generate with raw: true (no template). */
  mode?: ModelMode;
  fetch?: FetchLike;
}

const Counts = { prompt_eval_count: nullish(number), eval_count: nullish(number), done_reason: nullish(string) };
export const ChatResponse = object({ message: object({ content: string }), ...Counts });
export const GenerateResponse = object({ response: string, ...Counts });

/** Ollama's native API with plain JSON posts (the AI SDK has no first-party Ollama provider), stream: false. */
export class OllamaAdapter implements ModelAdapter {
  readonly provider = 'ollama';
  readonly modelId: string;
  readonly mode: ModelMode;
  private readonly host: string;
  private readonly transport: Transport;
  private readonly ctx: CallContext;

  constructor(options: OllamaOptions) {
    this.modelId = options.model;
    this.mode = options.mode ?? 'chat';
    this.host = (options.host ?? DEFAULT_OLLAMA_HOST).replace(/\/+$/, '');
    this.transport = transportFor(options.fetch);
    this.ctx = {
      label: `ollama:${options.model}`,
      secrets: [],
      endpoint: this.host,
      notFoundHint: `run \`ollama pull ${options.model}\` on that host`,
      networkHint: 'is `ollama serve` running there? Set OLLAMA_HOST if it runs elsewhere',
    };
  }

  async close(): Promise<void> {
    this.transport.close();
  }

  async generate(request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> {
    const chat = this.mode === 'chat';
    const body = chat
      ? { model: this.modelId, messages: [{ role: 'user', content: request.prompt }], stream: false, options: this.options(request) }
      : { model: this.modelId, prompt: request.prompt, raw: true, stream: false, options: this.options(request) };
    const started = performance.now();
    const { json, status } = await postJson({ url: `${this.host}/api/${chat ? 'chat' : 'generate'}`, body, transport: this.transport, signal, ctx: this.ctx });
    const latencyMs = Math.round(performance.now() - started);
    const parsed = chat ? readWire(ChatResponse, json, status, this.ctx) : readWire(GenerateResponse, json, status, this.ctx);
    return {
      text: 'message' in parsed ? parsed.message.content : parsed.response,
      finishReason: ollamaFinishReason(parsed.done_reason),
      usage: usageOf(parsed.prompt_eval_count, parsed.eval_count),
      raw: redactDeep(json, this.ctx.secrets),
      warnings: [],
      latencyMs,
    };
  }

  /** Generation settings go in `options`: num_predict is Ollama's max tokens. */
  private options(request: ModelRequest): Record<string, unknown> {
    const { temperature, maxTokens, seed, stop } = request.settings;
    return {
      temperature,
      num_predict: maxTokens,
      ...(seed === undefined ? {} : { seed }),
      ...(stop === undefined || stop.length === 0 ? {} : { stop: [...stop] }),
    };
  }
}

export function ollamaFinishReason(reason: string | null | undefined): FinishReason {
  return reason === 'stop' || reason === 'length' ? reason : 'other';
}
