import { describe, expect, it } from 'vitest';
import { buildModelEntries, defaultModelKey } from './model-entries.js';
import { parseModelSpec } from '../models/model-spec.js';
import { DEFAULT_MAX_TOKENS } from './model-defaults.js';

const env = { OPENAI_API_KEY: 'sk-test-not-a-real-key' };

describe('model entries from config and flags', () => {
  it('derives readable keys from specs', () => {
    expect(defaultModelKey(parseModelSpec('openai:gpt-4o-mini', env))).toBe('gpt-4o-mini');
    expect(defaultModelKey(parseModelSpec('openai-compatible:http://127.0.0.1:8000/v1#qwen2.5-7b', env))).toBe('qwen2.5-7b');
    expect(defaultModelKey(parseModelSpec('gguf:../models/stories260K.gguf', env))).toBe('stories260K');
    expect(defaultModelKey(parseModelSpec('replay:./out/responses.jsonl', env))).toBe('replay:responses');
  });

  it('applies defaults, then the config, then command-line overrides', async () => {
    const [plain, tuned] = await buildModelEntries([
      { spec: 'openai:gpt-4o-mini' },
      { spec: 'openai:gpt-4o-mini', maxTokens: { transforms: 3000 }, temperature: 0.7, samples: 3, concurrency: { start: 2, floor: 1, ceiling: 4 } },
    ], {}, { env, prices: { 'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 } } });
    expect(plain!.key).toBe('gpt-4o-mini');
    expect(tuned!.key).toBe('gpt-4o-mini-2');
    expect(plain!.settings.addition).toEqual({ temperature: 0, maxTokens: DEFAULT_MAX_TOKENS.addition });
    expect(tuned!.settings.transforms).toEqual({ temperature: 0.7, maxTokens: 3000 });
    expect(tuned!.settings.anagram.maxTokens).toBe(DEFAULT_MAX_TOKENS.anagram);
    expect(tuned!.samples).toBe(3);
    expect(tuned!.concurrency).toEqual({ start: 2, floor: 1, ceiling: 4 });
    expect(plain!.pricing).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });

    const [overridden] = await buildModelEntries([{ spec: 'openai:gpt-4o-mini', temperature: 0.7, samples: 3 }],
      { temperature: 0, samples: 1, maxTokens: 64, concurrency: 16, timeoutMs: 5000 }, { env });
    expect(overridden!.settings.transforms).toEqual({ temperature: 0, maxTokens: 64 });
    expect(overridden!.samples).toBe(1);
    expect(overridden!.concurrency).toEqual({ start: 16, floor: 1, ceiling: 16 });
    expect(overridden!.timeoutMs).toBe(5000);
  });

  it('stops at the first bad spec or missing key with a one-line error that names the fix', async () => {
    await expect(buildModelEntries([{ spec: 'gpt-4o' }], {}, { env })).rejects.toThrow(/openai:gpt-4o/);
    await expect(buildModelEntries([{ spec: 'anthropic:claude-3-5-sonnet-latest' }], {}, { env })).rejects.toThrow(/ANTHROPIC_API_KEY/);
  });
});
