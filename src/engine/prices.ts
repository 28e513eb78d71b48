import type { TokenUsage } from '../models/model-adapter.js';
import type { Pricing } from './run-types.js';

/**
 * Default prices in US dollars per million tokens (standard tier, no batch or cached-input discount)
 * for well-known OpenAI and Anthropic models, as published by the providers. Prices change: a
 * ModelEntry's `pricing` (from the config file) always wins over this table, and a model not listed
 * costs 0 and is named in the run summary's `unpriced`.
 */
export const PRICES_AS_OF = '2025-11';

export const DEFAULT_PRICES: Readonly<Record<'openai' | 'anthropic', Readonly<Record<string, Pricing>>>> = {
  openai: {
    'gpt-5': { inputPerMTok: 1.25, outputPerMTok: 10 },
    'gpt-5-mini': { inputPerMTok: 0.25, outputPerMTok: 2 },
    'gpt-5-nano': { inputPerMTok: 0.05, outputPerMTok: 0.4 },
    'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
    'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
    'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
    'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
    'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
    'gpt-4-turbo': { inputPerMTok: 10, outputPerMTok: 30 },
    'gpt-4': { inputPerMTok: 30, outputPerMTok: 60 },
    'gpt-3.5-turbo': { inputPerMTok: 0.5, outputPerMTok: 1.5 },
    'gpt-3.5-turbo-instruct': { inputPerMTok: 1.5, outputPerMTok: 2 },
    'davinci-002': { inputPerMTok: 2, outputPerMTok: 2 },
    'babbage-002': { inputPerMTok: 0.4, outputPerMTok: 0.4 },
    o1: { inputPerMTok: 15, outputPerMTok: 60 },
    'o1-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
    o3: { inputPerMTok: 2, outputPerMTok: 8 },
    'o3-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
    'o4-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  },
  anthropic: {
    'claude-opus-4-5': { inputPerMTok: 5, outputPerMTok: 25 },
    'claude-opus-4-1': { inputPerMTok: 15, outputPerMTok: 75 },
    'claude-opus-4': { inputPerMTok: 15, outputPerMTok: 75 },
    'claude-sonnet-4-5': { inputPerMTok: 3, outputPerMTok: 15 },
    'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
    'claude-haiku-4-5': { inputPerMTok: 1, outputPerMTok: 5 },
    'claude-3-7-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
    'claude-3-5-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
    'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4 },
    'claude-3-opus': { inputPerMTok: 15, outputPerMTok: 75 },
    'claude-3-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
    'claude-3-haiku': { inputPerMTok: 0.25, outputPerMTok: 1.25 },
  },
};

/**
 * The price of a provider's model: an exact id, else the longest listed name the id starts with
 * followed by "-" (dated snapshots and aliases: gpt-4o-2024-08-06 → gpt-4o, claude-3-5-sonnet-latest →
 * claude-3-5-sonnet; gpt-4o-mini stays gpt-4o-mini). `overrides` (same shape) are consulted first.
 */
export function defaultPricing(
  provider: string,
  modelId: string,
  overrides: Readonly<Record<string, Readonly<Record<string, Pricing>>>> = {},
): Pricing | undefined {
  for (const table of [overrides[provider], (DEFAULT_PRICES as Record<string, Record<string, Pricing>>)[provider]]) {
    if (table === undefined) continue;
    const exact = table[modelId];
    if (exact !== undefined) return exact;
    let best: string | undefined;
    for (const name of Object.keys(table)) {
      if (modelId.startsWith(`${name}-`) && (best === undefined || name.length > best.length)) best = name;
    }
    if (best !== undefined) return table[best];
  }
  return undefined;
}

/** Dollars for one response; missing token counts count as 0. */
export function costOf(usage: TokenUsage, pricing: Pricing | undefined): number {
  if (pricing === undefined) return 0;
  return ((usage.inputTokens ?? 0) * pricing.inputPerMTok + (usage.outputTokens ?? 0) * pricing.outputPerMTok) / 1_000_000;
}
