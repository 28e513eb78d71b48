import type { TokenUsage } from './model-adapter.js';

/** Token counts as the wire gave them; a count the provider left out stays absent, not 0. */
export function usageOf(inputTokens: number | undefined | null, outputTokens: number | undefined | null): TokenUsage {
  const usage: TokenUsage = {};
  if (typeof inputTokens === 'number') usage.inputTokens = inputTokens;
  if (typeof outputTokens === 'number') usage.outputTokens = outputTokens;
  return usage;
}
