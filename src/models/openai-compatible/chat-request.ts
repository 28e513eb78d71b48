import type { ModelRequest, ModelResponse } from '../model-adapter.js';
import { nonEmptyArray, nullish, object, readWire, string } from '../wire-shape.js';
import { openAIResponse, openAISettings, postToTarget, WireUsage, type CompletionsTarget } from './completions-request.js';

/**
 * One chat request over the OpenAI `/chat/completions` wire format, as vLLM, llama.cpp server,
 * LM Studio and Ollama's /v1 speak it: the prompt is the only user message. A plain JSON post rather
 * than the AI SDK: these servers need nothing the SDK adds, and its schema validation and stream
 * plumbing cost more CPU per request than a fast local server spends answering.
 */
export const ChatResponse = object({
  choices: nonEmptyArray(object({ message: object({ content: nullish(string) }), finish_reason: nullish(string) })),
  usage: WireUsage,
});

export async function generateChat(target: CompletionsTarget, request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> {
  const body = { model: target.model, messages: [{ role: 'user', content: request.prompt }], ...openAISettings(request) };
  const { json, status, latencyMs } = await postToTarget(target, '/chat/completions', body, signal);
  const parsed = readWire(ChatResponse, json, status, target.ctx);
  const choice = parsed.choices[0];
  // null content: a reasoning-only or tool-call answer, which carries no text for the grader.
  return openAIResponse(target, json, choice.message.content ?? '', choice.finish_reason, parsed.usage, latencyMs);
}
