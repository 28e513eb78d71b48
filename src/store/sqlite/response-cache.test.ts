import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from './open-workspace.js';
import fc from 'fast-check';
import { canonicalJson } from '../../core/hash.js';
import { cacheKeyJson, ResponseCache, responseCacheKey, type CacheKeyParts } from './response-cache.js';

const parts: CacheKeyParts = {
  provider: 'openai', modelId: 'gpt-4o-mini', mode: 'chat', settings: { temperature: 0, maxTokens: 64, seed: 7, stop: ['\n\n'] }, prompt: 'What is 1 + 2?', sampleIndex: 0,
};

describe('response cache key', () => {
  it('is a sha256 that changes with every part that determines an answer', () => {
    const base = responseCacheKey(parts);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const variants: CacheKeyParts[] = [
      { ...parts, provider: 'openai-compatible' },
      { ...parts, modelId: 'gpt-4o' },
      { ...parts, mode: 'completion' },
      { ...parts, settings: { ...parts.settings, temperature: 0.7 } },
      { ...parts, settings: { ...parts.settings, maxTokens: 65 } },
      { ...parts, settings: { ...parts.settings, seed: 8 } },
      { ...parts, settings: { ...parts.settings, seed: undefined } },
      { ...parts, settings: { ...parts.settings, stop: ['\n'] } },
      { ...parts, settings: { ...parts.settings, stop: [] } },
      { ...parts, prompt: 'What is 1 + 2? ' },
      { ...parts, sampleIndex: 1 },
      { ...parts, scope: 'http://127.0.0.1:8000/v1' },
    ];
    const keys = new Set(variants.map(responseCacheKey));
    expect(keys.size).toBe(variants.length);
    expect(keys.has(base)).toBe(false);
  });

  it('keeps the keys of existing caches (values from the canonicalJson form this replaced)', () => {
    expect(responseCacheKey(parts)).toBe('505a4c06fcbac70354b2c1e782dee7caa64b1ecf0665d4e815e2bc26bd81090f');
    const nasty: CacheKeyParts = {
      provider: 'openai-compatible', modelId: 'm "q"', mode: 'completion', settings: { temperature: 0.7, maxTokens: 48 },
      prompt: 'Ünïcode \u2028 "quote" \\ </script>', sampleIndex: 3, scope: 'http://127.0.0.1:8000/v1',
    };
    expect(responseCacheKey(nasty)).toBe('89b63b5254dade1a97c43e4685b855b27f9687bd8f5f75dcf54989ff15a57c06');
  });

  it('hashes exactly canonicalJson of its parts, for any parts', () => {
    const settings = fc.record(
      { temperature: fc.double({ noNaN: true }), maxTokens: fc.integer(), seed: fc.option(fc.integer(), { nil: undefined }), stop: fc.option(fc.array(fc.string()), { nil: undefined }) },
      { requiredKeys: ['temperature', 'maxTokens'] },
    );
    const anyParts = fc.record(
      { provider: fc.string(), modelId: fc.string(), mode: fc.constantFrom('chat' as const, 'completion' as const), settings, prompt: fc.string({ unit: 'binary' }), sampleIndex: fc.nat(), scope: fc.option(fc.string(), { nil: undefined }) },
      { requiredKeys: ['provider', 'modelId', 'mode', 'settings', 'prompt', 'sampleIndex'] },
    );
    fc.assert(
      fc.property(anyParts, (p) => {
        const { temperature, maxTokens, seed, stop } = p.settings;
        const reference = canonicalJson({
          v: 1, provider: p.provider, modelId: p.modelId, mode: p.mode,
          settings: { temperature, maxTokens, seed: seed ?? null, stop: stop ?? [] },
          prompt: p.prompt, sampleIndex: p.sampleIndex, scope: p.scope ?? null,
        });
        expect(cacheKeyJson(p)).toBe(reference);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on property order or on how an absent setting is spelled', () => {
    const reordered: CacheKeyParts = { sampleIndex: 0, prompt: parts.prompt, settings: { stop: ['\n\n'], seed: 7, maxTokens: 64, temperature: 0 }, mode: 'chat', modelId: 'gpt-4o-mini', provider: 'openai' };
    expect(responseCacheKey(reordered)).toBe(responseCacheKey(parts));
    const noStop = { ...parts, settings: { temperature: 0, maxTokens: 64 } };
    expect(responseCacheKey(noStop)).toBe(responseCacheKey({ ...noStop, settings: { ...noStop.settings, stop: [] } }));
  });
});

describe('response cache', () => {
  it('round-trips a response; the first answer under a key stays', () => {
    const db = openWorkspace(join(mkdtempSync(join(tmpdir(), 'rb-cache-')), 'w.sqlite'));
    const cache = new ResponseCache(db);
    const key = responseCacheKey(parts);
    expect(cache.get(key)).toBeUndefined();
    const response = { text: '3', finishReason: 'stop', inputTokens: 5, outputTokens: 1, latencyMs: 40, warnings: ['w'], raw: { id: 'x', choices: [{ n: 1 }] } };
    expect(cache.put(key, parts, response)).toBe(true);
    expect(cache.put(key, parts, { ...response, text: '4' })).toBe(false);
    expect(cache.get(key)).toEqual(response);
    cache.put('other', parts, { ...response, raw: undefined, inputTokens: null });
    expect(cache.get('other')).toMatchObject({ raw: null, inputTokens: null });
  });

  it('looks up many keys at once: exactly the stored ones, past one statement\'s 64, duplicates and misses included', () => {
    const db = openWorkspace(join(mkdtempSync(join(tmpdir(), 'rb-cache-')), 'w.sqlite'));
    const cache = new ResponseCache(db);
    const keyOf = (i: number): string => responseCacheKey({ ...parts, sampleIndex: i });
    const answer = (i: number) => ({ text: `answer ${i}`, finishReason: 'stop', inputTokens: i, outputTokens: 1, latencyMs: 3, warnings: [], raw: { i } });
    for (let i = 0; i < 150; i += 2) cache.put(keyOf(i), parts, answer(i)); // the even samples are cached
    const asked = [...Array.from({ length: 150 }, (_, i) => keyOf(i)), keyOf(4), keyOf(4), 'not-a-key'];
    const found = cache.getMany(asked);
    expect([...found.keys()].sort()).toEqual(Array.from({ length: 75 }, (_, k) => keyOf(2 * k)).sort());
    for (let i = 0; i < 150; i += 2) expect(found.get(keyOf(i))).toEqual(answer(i));
    expect(cache.getMany([keyOf(1)]).size).toBe(0);
    expect(cache.getMany([keyOf(2)]).get(keyOf(2))).toEqual(answer(2)); // a lone key, padded to 64 by itself
    expect(cache.getMany([]).size).toBe(0);
  });
});
