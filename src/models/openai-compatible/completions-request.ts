import { z } from 'zod';
import type { FinishReason, ModelRequest, ModelResponse } from '../model-adapter.js';
import type { CallContext } from '../error-mapping.js';
import { parseWire, postJson } from '../post-json.js';
import type { Transport } from '../http-transport.js';
import { redactDeep, redactText } from '../redact.js';
import { usageOf } from '../token-usage.js';

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

const CompletionsResponse = z.object({
  choices: z.array(z.object({ text: z.string(), finish_reason: z.string().nullish() })).min(1),
  usage: z.object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() }).nullish(),
});

export async function generateCompletion(target: CompletionsTarget, request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> {
  const { temperature, maxTokens, seed, stop } = request.settings;
  const body = {
    model: target.model,
    prompt: request.prompt,
    max_tokens: maxTokens,
    temperature,
    ...(seed === undefined ? {} : { seed }),
    ...(stop === undefined || stop.length === 0 ? {} : { stop: [...stop] }),
    stream: false,
  };
  const started = performance.now();
  const { json, status } = await postJson({
    url: `${target.baseURL}/completions`,
    body,
    ...(target.apiKey ? { headers: { authorization: `Bearer ${target.apiKey}` } } : {}),
    transport: target.transport,
    signal,
    ctx: target.ctx,
  });
  const latencyMs = Math.round(performance.now() - started);
  const parsed = parseWire(CompletionsResponse, json, status, target.ctx);
  const choice = parsed.choices[0] as { text: string; finish_reason?: string | null };
  return {
    text: redactText(choice.text, target.ctx.secrets),
    finishReason: openAIFinishReason(choice.finish_reason),
    usage: usageOf(parsed.usage?.prompt_tokens, parsed.usage?.completion_tokens),
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
