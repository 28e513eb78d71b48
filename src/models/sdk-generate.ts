import { generateText, type FinishReason as SdkFinishReason, type LanguageModel, type Warning } from 'ai';
import type { FinishReason, ModelRequest, ModelResponse } from './model-adapter.js';
import type { CallContext } from './error-mapping.js';
import { redactDeep, redactText } from './redact.js';
import { sdkErrorToModelError } from './sdk-errors.js';
import { usageOf } from './token-usage.js';

// The AI SDK prints provider warnings to the console unless told not to. Only the CLI prints here:
// warnings travel in ModelResponse.warnings and are stored with the trial. A caller's own setting wins.
const sdkGlobals = globalThis as { AI_SDK_LOG_WARNINGS?: unknown };
if (sdkGlobals.AI_SDK_LOG_WARNINGS === undefined) sdkGlobals.AI_SDK_LOG_WARNINGS = false;

/** One chat request through the AI SDK: the prompt is the only user message; the SDK never retries. */
export async function generateWithSdk(model: LanguageModel, request: ModelRequest, signal: AbortSignal, ctx: CallContext): Promise<ModelResponse> {
  const { temperature, maxTokens, seed, stop } = request.settings;
  const started = performance.now();
  try {
    const result = await generateText({
      model,
      prompt: request.prompt,
      temperature,
      maxOutputTokens: maxTokens,
      ...(seed === undefined ? {} : { seed }),
      ...(stop === undefined || stop.length === 0 ? {} : { stopSequences: [...stop] }),
      maxRetries: 0,
      abortSignal: signal,
    });
    const latencyMs = Math.round(performance.now() - started);
    return {
      text: redactText(result.text, ctx.secrets),
      finishReason: finishReasonFromSdk(result.finishReason),
      usage: usageOf(result.usage.inputTokens, result.usage.outputTokens),
      raw: redactDeep(result.response.body, ctx.secrets),
      warnings: (result.warnings ?? []).map((w) => redactText(formatWarning(w), ctx.secrets)),
      latencyMs,
    };
  } catch (error) {
    throw sdkErrorToModelError(error, signal, ctx);
  }
}

export function finishReasonFromSdk(reason: SdkFinishReason): FinishReason {
  return reason === 'stop' || reason === 'length' || reason === 'content-filter' ? reason : 'other';
}

/** "unsupported: seed", "unsupported: temperature (1.5 exceeds …)", "other: …". */
export function formatWarning(warning: Warning): string {
  switch (warning.type) {
    case 'unsupported':
    case 'compatibility':
      return `${warning.type}: ${warning.feature}${warning.details ? ` (${warning.details})` : ''}`;
    case 'other':
      return `other: ${warning.message}`;
    default:
      return JSON.stringify(warning);
  }
}
