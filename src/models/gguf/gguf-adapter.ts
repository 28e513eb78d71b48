import { basename } from 'node:path';
import type { CallContext } from '../error-mapping.js';
import { ModelError, type ModelAdapter, type ModelMode, type ModelRequest, type ModelResponse } from '../model-adapter.js';
import type { GgufSpec } from '../model-spec.js';
import { cutAtStop, finishReasonOf, fitToContext, generationOptions, requestError, StopWatcher, TEMPLATE_ALLOWANCE } from './gguf-generation.js';
import { openGgufModel, type GgufAdapterOptions, type OpenedModel } from './open-model.js';
import { SerialQueue } from './serial-queue.js';
import type { NodeLlamaStopReason } from './node-llama-types.js';

export type { GgufAdapterOptions } from './open-model.js';

/**
 * A local .gguf model run in-process by node-llama-cpp (an optional dependency, loaded on first use).
 * Chat mode renders the prompt with the model's own chat template; completion mode feeds it raw.
 * Requests run one at a time on one context sequence whose history is cleared before each request,
 * so an answer never depends on which prompts came before it; run the engine at concurrency 1.
 */
export class GgufAdapter implements ModelAdapter {
  readonly provider = 'gguf';
  readonly modelId: string;
  readonly mode: ModelMode;
  /** More parallel requests only wait in this adapter's queue. */
  readonly maxConcurrency = 1;
  /** The local file (the cache path for `hf:` specs). */
  readonly modelPath: string;
  /** Whether the file carries a chat template (`tokenizer.chat_template`). */
  readonly hasChatTemplate: boolean;
  readonly threads: number;
  readonly contextSize: number;
  private readonly opened: OpenedModel;
  private readonly queue = new SerialQueue();
  private readonly ctx: CallContext;
  private closing: Promise<void> | undefined;

  constructor(spec: GgufSpec, opened: OpenedModel) {
    this.modelId = spec.source.kind === 'file' ? spec.source.path : spec.source.uri;
    this.opened = opened;
    this.mode = opened.mode;
    this.modelPath = opened.path;
    this.hasChatTemplate = opened.hasChatTemplate;
    this.threads = opened.threads;
    this.contextSize = opened.context.contextSize;
    this.ctx = { label: spec.text, secrets: [], endpoint: 'the in-process model' };
  }

  async generate(request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> {
    try {
      return await this.queue.run(signal, () => this.generateNow(request, signal));
    } catch (error) {
      if (error instanceof ModelError) throw error;
      throw requestError(error, signal, this.ctx);
    }
  }

  private async generateNow(request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> {
    if (this.closing !== undefined) throw new ModelError('CANCELLED', `${this.ctx.label}: the model was closed`);
    const { sequence } = this.opened;
    const started = performance.now();
    await sequence.clearHistory();
    const inputBefore = sequence.tokenMeter.usedInputTokens;
    const outputBefore = sequence.tokenMeter.usedOutputTokens;
    const chat = this.mode === 'chat';
    const { model, systemPrompt } = this.opened;
    const templateTokens = chat ? TEMPLATE_ALLOWANCE + model.tokenize(systemPrompt ?? '').length : 2; // 2: BOS and a leading space
    const promptTokens = model.tokenize(request.prompt).length + templateTokens;
    const fit = fitToContext(promptTokens, request.settings.maxTokens, this.contextSize, this.ctx);
    const watcher = new StopWatcher(request.settings.stop);
    const options = generationOptions({ ...request.settings, maxTokens: fit.maxTokens }, signal, watcher);
    let generated: string;
    let stopReason: NodeLlamaStopReason;
    if (chat) {
      ({ responseText: generated, stopReason } = await this.chat(request.prompt, options));
    } else {
      const result = await this.opened.completion.generateCompletionWithMeta(request.prompt, { ...options, disableContextShift: true });
      generated = result.response;
      stopReason = result.metadata.stopReason;
    }
    if (signal.aborted) throw requestError(signal.reason, signal, this.ctx); // never a cut-off answer
    const { text, stopped } = cutAtStop(generated, watcher.stops);
    return {
      text,
      finishReason: stopped ? 'stop' : finishReasonOf(stopReason),
      usage: {
        inputTokens: sequence.tokenMeter.usedInputTokens - inputBefore,
        outputTokens: sequence.tokenMeter.usedOutputTokens - outputBefore,
      },
      raw: { stopReason, file: basename(this.modelPath), mode: this.mode, threads: this.threads, contextSize: this.contextSize },
      warnings: fit.warnings,
      latencyMs: Math.round(performance.now() - started),
    };
  }

  /** A fresh session per request over the same sequence; no system prompt unless one was configured. */
  private async chat(prompt: string, options: ReturnType<typeof generationOptions>): Promise<{ responseText: string; stopReason: NodeLlamaStopReason }> {
    const { mod, sequence, systemPrompt } = this.opened;
    const session = new mod.LlamaChatSession({
      contextSequence: sequence,
      autoDisposeSequence: false,
      ...(systemPrompt === undefined ? {} : { systemPrompt }),
    });
    try {
      if (systemPrompt === undefined) session.setChatHistory([]);
      return await session.promptWithMeta(prompt, options);
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  /** Waits for the request in flight, then frees the sequence, context and model (native memory). */
  close(): Promise<void> {
    this.closing ??= this.queue.run(undefined, async () => {
      const { completion, sequence, context, model } = this.opened;
      completion.dispose({ disposeSequence: false });
      sequence.dispose();
      await context.dispose();
      await model.dispose();
    });
    return this.closing;
  }
}

/**
 * The gguf factory for createAdapter (`factories.gguf`): loads node-llama-cpp, finds or downloads the
 * file, loads the model and one context. Throws ReliabenchError: PROVIDER_UNAVAILABLE (package or
 * binary missing), BAD_MODEL_SPEC (no such file, not loadable, chat mode without a chat template),
 * DOWNLOAD_FAILED (an `hf:` model that could not be fetched).
 */
export async function createGgufAdapter(spec: GgufSpec, options: GgufAdapterOptions = {}): Promise<GgufAdapter> {
  return new GgufAdapter(spec, await openGgufModel(spec, options));
}
