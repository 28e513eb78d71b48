import { z } from 'zod';
import type { ModelRequest, ModelResponse } from '../model-adapter.js';
import { parseWire, postJson } from '../post-json.js';
import { redactDeep, redactText } from '../redact.js';
import { usageOf } from '../token-usage.js';
import { openAIFinishReason, type CompletionsTarget } from './completions-request.js';

/**
 * One chat request over the OpenAI `/chat/completions` wire format, as vLLM, llama.cpp server,
 * LM Studio and Ollama's /v1 speak it: the prompt is the only user message. A plain JSON post rather
 * than the AI SDK: these servers need nothing the SDK adds, and its schema validation and stream
 * plumbing cost more CPU per request than a fast local server spends answering.
 */
const ChatResponse = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullish() }), finish_reason: z.string().nullish() }))
    .min(1),
  usage: z.object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() }).nullish(),
});

export async function generateChat(target: CompletionsTarget, request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> {
  const { temperature, maxTokens, seed, stop } = request.settings;
  const body = {
    model: target.model,
    messages: [{ role: 'user', content: request.prompt }],
    max_tokens: maxTokens,
    temperature,
    ...(seed === undefined ? {} : { seed }),
    ...(stop === undefined || stop.length === 0 ? {} : { stop: [...stop] }),
  };
  const started = performance.now();
  const { json, status } = await postJson({
    url: `${target.baseURL}/chat/completions`,
    body,
    ...(target.apiKey ? { headers: { authorization: `Bearer ${target.apiKey}` } } : {}),
    transport: target.transport,
    signal,
    ctx: target.ctx,
  });
  const latencyMs = Math.round(performance.now() - started);
  const parsed = parseWire(ChatResponse, json, status, target.ctx);
  const choice = parsed.choices[0] as { message: { content?: string | null }; finish_reason?: string | null };
  return {
    // null content: a reasoning-only or tool-call answer, which carries no text for the grader.
    text: redactText(choice.message.content ?? '', target.ctx.secrets),
    finishReason: openAIFinishReason(choice.finish_reason),
    usage: usageOf(parsed.usage?.prompt_tokens, parsed.usage?.completion_tokens),
    raw: redactDeep(json, target.ctx.secrets),
    warnings: [],
    latencyMs,
  };
}
