import { abortedError, modelError, type CallContext } from '../error-mapping.js';
import type { FinishReason, GenerationSettings, ModelError } from '../model-adapter.js';
import type { NodeLlamaGenerationOptions, NodeLlamaStopReason } from './node-llama-types.js';

/**
 * Stop sequences, watched by the adapter itself: node-llama-cpp's own `customStopTriggers` miss any
 * stop text containing a space on SentencePiece models (the tiny test model: " girl", ". " never
 * fire) and drop text they held back. The watcher sees the generated text as it streams, aborts the
 * generation through its own signal once a stop sequence appears, and `cutAtStop` trims the answer.
 */
export class StopWatcher {
  private readonly controller = new AbortController();
  private readonly longest: number;
  private seen = '';
  readonly stops: readonly string[];

  constructor(stops: readonly string[] | undefined) {
    this.stops = (stops ?? []).filter((s) => s !== '');
    this.longest = Math.max(0, ...this.stops.map((s) => s.length));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  readonly onTextChunk = (chunk: string): void => {
    if (this.stops.length === 0 || this.controller.signal.aborted) return;
    const from = Math.max(0, this.seen.length - this.longest + 1);
    this.seen += chunk;
    if (this.stops.some((stop) => this.seen.includes(stop, from))) this.controller.abort();
  };
}

/** The text before the earliest stop sequence, OpenAI-style (the stop text itself is left out). */
export function cutAtStop(text: string, stops: readonly string[]): { text: string; stopped: boolean } {
  let cut = -1;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut < 0 ? { text, stopped: false } : { text: text.slice(0, cut), stopped: true };
}

/**
 * Our settings in node-llama-cpp's terms. Temperature 0 is greedy decoding. No repeat penalty:
 * node-llama-cpp applies one by default, while the HTTP providers sample from the model's own
 * distribution, so leaving it on would make the in-process numbers incomparable. An abort (the
 * caller's or the stop watcher's) ends generation with the text so far; the adapter then decides.
 */
export function generationOptions(settings: GenerationSettings, signal: AbortSignal, watcher: StopWatcher): NodeLlamaGenerationOptions {
  return {
    signal: watcher.stops.length === 0 ? signal : AbortSignal.any([signal, watcher.signal]),
    stopOnAbortSignal: true,
    maxTokens: settings.maxTokens,
    temperature: settings.temperature,
    repeatPenalty: false,
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
    ...(watcher.stops.length === 0 ? {} : { onTextChunk: watcher.onTextChunk }),
  };
}

/** Tokens a chat template may add around the prompt (ChatML with a default system prompt: ~40). */
export const TEMPLATE_ALLOWANCE = 64;

/**
 * Keeps prompt + answer inside the context, so node-llama-cpp never shifts it (which silently drops
 * the start of the prompt): a prompt that cannot fit is BAD_REQUEST; a maxTokens that cannot fit is
 * lowered, with a warning recorded on the trial.
 */
export function fitToContext(promptTokens: number, maxTokens: number, contextSize: number, ctx: CallContext): { maxTokens: number; warnings: string[] } {
  if (promptTokens >= contextSize) {
    throw modelError(ctx, 'BAD_REQUEST', `the prompt needs about ${promptTokens} tokens but the context holds ${contextSize}: raise contextSize (up to the model's training context) or shorten the prompt`);
  }
  const room = contextSize - promptTokens;
  if (maxTokens <= room) return { maxTokens, warnings: [] };
  return { maxTokens: room, warnings: [`maxTokens lowered from ${maxTokens} to ${room} so prompt and answer fit the ${contextSize}-token context`] };
}

/** eogToken: the model's end-of-generation token; *StopTrigger: a template stop string or one of ours. */
export function finishReasonOf(reason: NodeLlamaStopReason): FinishReason {
  switch (reason) {
    case 'eogToken':
    case 'stopGenerationTrigger':
    case 'customStopTrigger':
      return 'stop';
    case 'maxTokens':
      return 'length';
    default:
      return 'other';
  }
}

const CONTEXT_FULL = /context size|too long|exceed|KV slot|no space|context shift/i;

/**
 * Failures during a request: the caller's signal decides first (TIMEOUT or CANCELLED); a prompt that
 * does not fit the context is BAD_REQUEST (trying again cannot help); anything else from llama.cpp is
 * SERVER_ERROR, which the engine may retry.
 */
export function requestError(error: unknown, signal: AbortSignal, ctx: CallContext): ModelError {
  if (signal.aborted) return abortedError(signal, ctx);
  const message = error instanceof Error ? error.message : String(error);
  const line = (message.split('\n')[0] ?? '').trim();
  if (CONTEXT_FULL.test(message)) {
    return modelError(ctx, 'BAD_REQUEST', `the prompt and maxTokens do not fit the context (${line}); raise contextSize or lower maxTokens`, { cause: error });
  }
  return modelError(ctx, 'SERVER_ERROR', `llama.cpp failed: ${line}`, { cause: error });
}

/** The model's own chat template (GGUF `tokenizer.chat_template`), if the file has one. */
export function chatTemplateOf(metadata: unknown): string | undefined {
  const tokenizer = (metadata as { tokenizer?: { chat_template?: unknown } } | null | undefined)?.tokenizer;
  const template = tokenizer?.chat_template;
  return typeof template === 'string' && template.trim() !== '' ? template : undefined;
}
