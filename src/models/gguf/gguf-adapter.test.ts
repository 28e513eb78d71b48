import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelError, type GenerationSettings, type ModelRequest } from '../model-adapter.js';
import { createAdapter, type GgufAdapterFactory } from '../create-adapter.js';
import { createGgufAdapter, type GgufAdapter } from './gguf-adapter.js';
import { ggufSpec, TINY_CONTINUATION, TINY_MODEL } from './test-support/tiny-model.js';

const GREEDY: GenerationSettings = { temperature: 0, maxTokens: 40 };
const ONCE = 'Once upon a time';

function request(prompt: string, settings: Partial<GenerationSettings> = {}): ModelRequest {
  return { prompt, settings: { ...GREEDY, ...settings }, sampleIndex: 0 };
}

function never(): AbortSignal {
  return new AbortController().signal;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

// The factory type createAdapter takes: createGgufAdapter must satisfy it as it is.
export const asFactory: GgufAdapterFactory = createGgufAdapter;

describe('gguf adapter on the tiny raw model', () => {
  let adapter: GgufAdapter;
  beforeAll(async () => {
    adapter = await createGgufAdapter(ggufSpec(`gguf:${TINY_MODEL}`));
  });
  afterAll(async () => {
    await adapter.close();
  });

  it('picks completion mode for a model without a chat template, one thread, context capped at training size', () => {
    expect(adapter.provider).toBe('gguf');
    expect(adapter.modelId).toBe(TINY_MODEL);
    expect(adapter.mode).toBe('completion');
    expect(adapter.hasChatTemplate).toBe(false);
    expect(adapter.threads).toBe(1);
    expect(adapter.contextSize).toBe(2048);
  });

  it('greedy completion continues the story exactly as the README says', async () => {
    const response = await adapter.generate(request(ONCE), never());
    expect(response.text.startsWith(TINY_CONTINUATION)).toBe(true);
    expect(response.finishReason).toBe('length');
    expect(response.usage.outputTokens).toBe(40);
    expect(response.usage.inputTokens).toBeGreaterThanOrEqual(5);
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
    expect(response.warnings).toEqual([]);
    expect(response.raw).toMatchObject({ stopReason: 'maxTokens', mode: 'completion', threads: 1 });
  });

  it('is deterministic and independent of the requests before it', async () => {
    const first = await adapter.generate(request(ONCE), never());
    await adapter.generate(request('The dog ran to the'), never());
    const again = await adapter.generate(request(ONCE), never());
    expect(again.text).toBe(first.text);
    expect(again.usage).toEqual(first.usage);
  });

  it('stops at maxTokens', async () => {
    const response = await adapter.generate(request(ONCE, { maxTokens: 5 }), never());
    expect(response.usage.outputTokens).toBe(5);
    expect(response.finishReason).toBe('length');
    expect(TINY_CONTINUATION.startsWith(response.text)).toBe(true);
    expect(response.text.length).toBeLessThan(30);
  });

  it('stops at a stop sequence and returns the text before it, spaces included', async () => {
    const response = await adapter.generate(request(ONCE, { stop: ['Lily'] }), never());
    expect(response.text).toBe(', there was a little girl named ');
    expect(response.finishReason).toBe('stop');
    // Stop texts with spaces work too (node-llama-cpp's own stop triggers never fire on these).
    const multi = await adapter.generate(request(ONCE, { stop: ['park', ' girl'] }), never());
    expect(multi.text).toBe(', there was a little');
    const sentence = await adapter.generate(request(ONCE, { stop: ['. '] }), never());
    expect(sentence.text).toBe(', there was a little girl named Lily');
    expect(sentence.usage.outputTokens).toBeLessThan(15);
  });

  it('a stop sequence that never appears changes nothing', async () => {
    const plain = await adapter.generate(request(ONCE), never());
    const withStop = await adapter.generate(request(ONCE, { stop: ['\n\n', 'zebra'] }), never());
    expect(withStop.text).toBe(plain.text);
    expect(withStop.finishReason).toBe('length');
  });

  it('reproduces a sampled answer with the same seed', async () => {
    const sampled = (seed: number) => adapter.generate(request(ONCE, { temperature: 1, seed, maxTokens: 30 }), never());
    const a = await sampled(7);
    const b = await sampled(7);
    expect(b.text).toBe(a.text);
    const others = new Set([a.text, ...(await Promise.all([1, 2, 3].map(async (s) => (await sampled(s)).text)))]);
    expect(others.size).toBeGreaterThan(1);
  });

  it('an abort mid-generation rejects with CANCELLED, and the adapter keeps working', async () => {
    const controller = new AbortController();
    const pending = adapter.generate(request(ONCE, { maxTokens: 2000 }), controller.signal);
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('CANCELLED');
    expect((error as ModelError).retryable).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
    const after = await adapter.generate(request(ONCE), never());
    expect(after.text.startsWith(TINY_CONTINUATION)).toBe(true);
  });

  it('a deadline reads as TIMEOUT; an already-aborted signal never starts', async () => {
    const timeout = await rejection(adapter.generate(request(ONCE, { maxTokens: 2000 }), AbortSignal.timeout(20)));
    expect((timeout as ModelError).code).toBe('TIMEOUT');
    const controller = new AbortController();
    controller.abort();
    const cancelled = await rejection(adapter.generate(request(ONCE), controller.signal));
    expect((cancelled as ModelError).code).toBe('CANCELLED');
  });

  it('runs one request at a time; a queued request can be cancelled while it waits', async () => {
    const first = new AbortController();
    const running = adapter.generate(request(ONCE, { maxTokens: 2000 }), first.signal);
    const queued = new AbortController();
    const waiting = adapter.generate(request(ONCE), queued.signal);
    const third = adapter.generate(request(ONCE, { maxTokens: 3 }), never());
    queued.abort();
    expect(((await rejection(waiting)) as ModelError).code).toBe('CANCELLED');
    first.abort();
    expect(((await rejection(running)) as ModelError).code).toBe('CANCELLED');
    expect((await third).usage.outputTokens).toBe(3);
  });

  it('works as createAdapter’s gguf factory', async () => {
    const viaFactory = await createAdapter(`gguf:${TINY_MODEL}`, {}, undefined, { gguf: (spec) => createGgufAdapter(spec, { contextSize: 256 }) });
    try {
      expect((viaFactory as GgufAdapter).contextSize).toBe(256);
      const response = await viaFactory.generate(request(ONCE, { maxTokens: 12 }), never());
      expect(TINY_CONTINUATION.startsWith(response.text)).toBe(true);
    } finally {
      await viaFactory.close?.();
    }
  });
});

describe('gguf adapter lifecycle and settings', () => {
  it('refuses work after close, and close twice is fine', async () => {
    const adapter = await createGgufAdapter(ggufSpec(`gguf:${TINY_MODEL}`), { threads: 2, contextSize: 128 });
    expect(adapter.threads).toBe(2);
    expect((await adapter.generate(request(ONCE, { maxTokens: 4 }), never())).usage.outputTokens).toBe(4);
    await adapter.close();
    await adapter.close();
    const error = await rejection(adapter.generate(request(ONCE), never()));
    expect((error as ModelError).code).toBe('CANCELLED');
    expect((error as Error).message).toMatch(/closed/);
  });

  it('keeps prompt and answer inside the context: a too-long prompt is BAD_REQUEST, a too-large maxTokens is lowered', async () => {
    const adapter = await createGgufAdapter(ggufSpec(`gguf:${TINY_MODEL}`), { contextSize: 256 });
    try {
      expect(adapter.contextSize).toBe(256);
      const tooLong = await rejection(adapter.generate(request('Once upon a time '.repeat(80)), never()));
      expect(tooLong).toBeInstanceOf(ModelError);
      expect((tooLong as ModelError).code).toBe('BAD_REQUEST');
      expect((tooLong as ModelError).message).toMatch(/context holds 256: raise contextSize/);
      const lowered = await adapter.generate(request(ONCE, { maxTokens: 1000 }), never());
      expect(lowered.warnings).toEqual(['maxTokens lowered from 1000 to 250 so prompt and answer fit the 256-token context']);
      expect(lowered.finishReason).toBe('length');
      expect((lowered.usage.inputTokens ?? 0) + (lowered.usage.outputTokens ?? 0)).toBeLessThanOrEqual(256);
      expect(lowered.text.startsWith(TINY_CONTINUATION)).toBe(true);
    } finally {
      await adapter.close();
    }
  });

  it('rejects nonsense thread and context counts', async () => {
    await expect(createGgufAdapter(ggufSpec(`gguf:${TINY_MODEL}`), { threads: 0 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(createGgufAdapter(ggufSpec(`gguf:${TINY_MODEL}`), { contextSize: 1.5 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });
});
