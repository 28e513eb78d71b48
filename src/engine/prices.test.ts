import { describe, expect, it } from 'vitest';
import { costOf, defaultPricing } from './prices.js';

describe('prices', () => {
  it('finds exact ids, dated snapshots and aliases by the longest prefix', () => {
    expect(defaultPricing('openai', 'gpt-4o-mini')).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(defaultPricing('openai', 'gpt-4o-mini-2024-07-18')).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(defaultPricing('openai', 'gpt-4o-2024-08-06')).toEqual({ inputPerMTok: 2.5, outputPerMTok: 10 });
    expect(defaultPricing('openai', 'o1-mini-2024-09-12')?.inputPerMTok).toBe(1.1);
    expect(defaultPricing('anthropic', 'claude-3-5-sonnet-latest')).toEqual({ inputPerMTok: 3, outputPerMTok: 15 });
    expect(defaultPricing('anthropic', 'claude-sonnet-4-5-20250929')).toEqual({ inputPerMTok: 3, outputPerMTok: 15 });
  });

  it('knows nothing of local or unknown models, and lets the caller override', () => {
    expect(defaultPricing('ollama', 'llama3.2')).toBeUndefined();
    expect(defaultPricing('openai', 'gpt-4oo')).toBeUndefined();
    expect(defaultPricing('openai-compatible', 'gpt-4o')).toBeUndefined();
    expect(defaultPricing('openai', 'gpt-4o', { openai: { 'gpt-4o': { inputPerMTok: 1, outputPerMTok: 2 } } })).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(defaultPricing('ollama', 'llama3.2', { ollama: { llama3: { inputPerMTok: 0.01, outputPerMTok: 0.02 } } })).toBeUndefined();
    expect(defaultPricing('ollama', 'llama3-8b', { ollama: { llama3: { inputPerMTok: 0.01, outputPerMTok: 0.02 } } })?.inputPerMTok).toBe(0.01);
  });

  it('costs tokens × price per million', () => {
    expect(costOf({ inputTokens: 1_000_000, outputTokens: 500_000 }, { inputPerMTok: 2.5, outputPerMTok: 10 })).toBeCloseTo(7.5, 10);
    expect(costOf({ inputTokens: 100 }, { inputPerMTok: 3, outputPerMTok: 15 })).toBeCloseTo(0.0003, 12);
    expect(costOf({ inputTokens: 100, outputTokens: 100 }, undefined)).toBe(0);
  });
});
