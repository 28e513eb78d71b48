import type { FinishReason, ModelRequest, ModelResponse } from '../model-adapter.js';
import type { CallContext } from '../error-mapping.js';
import { postJson } from '../post-json.js';
import type { Transport } from '../http-transport.js';
import { redactDeep, redactText } from '../redact.js';
import { usageOf } from '../token-usage.js';
import { nonEmptyArray, nullish, number, object, readWire, string } from '../wire-shape.js';

/**
 * Raw text completion over the OpenAI `/completions` wire format (OpenAI, vLLM, llama.cpp server,
 * LM Studio, Ollama /v1). A plain JSON post, not the AI SDK: the SDK's completion models wrap the prompt in
 * "user:\n…\n\nassistant:\n" and add a "\nuser:" stop sequence, which is a chat imitation, not the raw
 * continuation a base model is measured on.
 */
export interface CompletionsTarget {
  /** The API root, e.g. http://127.0.0.1:8000/v1 (no trailing slash). */
  baseURL: string;
  model: string;
  apiKey?: string;
  transport: Transport;
  ctx: CallContext;
}

/** The token counts of an OpenAI-style body; servers omit them, or send null, when they do not count. */
export const WireUsage = nullish(object({ prompt_tokens: nullish(number), completion_tokens: nullish(number) }));
type WireUsage = ReturnType<typeof WireUsage>;

export const CompletionsResponse = object({
  choices: nonEmptyArray(object({ text: string, finish_reason: nullish(string) })),
  usage: WireUsage,
});

export async function generateCompletion(target: CompletionsTarget, request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> {
  const body = { model: target.model, prompt: request.prompt, ...openAISettings(request), stream: false };
  const { json, status, latencyMs } = await postToTarget(target, '/completions', body, signal);
  const parsed = readWire(CompletionsResponse, json, status, target.ctx);
  const choice = parsed.choices[0];
  return openAIResponse(target, json, choice.text, choice.finish_reason, parsed.usage, latencyMs);
}

/** The generation settings of an OpenAI-style body; seed and stop only when set. */
export function openAISettings(request: ModelRequest): Record<string, unknown> {
  const { temperature, maxTokens, seed, stop } = request.settings;
  return {
    max_tokens: maxTokens,
    temperature,
    ...(seed === undefined ? {} : { seed }),
    ...(stop === undefined || stop.length === 0 ? {} : { stop: [...stop] }),
  };
}

/** One POST to the API root + path, with the key as a bearer token when there is one. */
export async function postToTarget(target: CompletionsTarget, path: string, body: unknown, signal: AbortSignal): Promise<{ json: unknown; status: number; latencyMs: number }> {
  const started = performance.now();
  const { json, status } = await postJson({
    url: `${target.baseURL}${path}`,
    body,
    ...(target.apiKey ? { headers: { authorization: `Bearer ${target.apiKey}` } } : {}),
    transport: target.transport,
    signal,
    ctx: target.ctx,
  });
  return { json, status, latencyMs: Math.round(performance.now() - started) };
}

/** The ModelResponse for an answer's text, with keys scrubbed from the text and the stored body. */
export function openAIResponse(target: CompletionsTarget, json: unknown, text: string, finish: string | null | undefined, usage: WireUsage, latencyMs: number): ModelResponse {
  return {
    text: redactText(text, target.ctx.secrets),
    finishReason: openAIFinishReason(finish),
    usage: usageOf(usage?.prompt_tokens, usage?.completion_tokens),
    raw: redactDeep(json, target.ctx.secrets),
    warnings: [],
    latencyMs,
  };
}

export function openAIFinishReason(reason: string | null | undefined): FinishReason {
  if (reason === 'stop' || reason === 'length') return reason;
  if (reason === 'content_filter') return 'content-filter';
  return 'other';
}
