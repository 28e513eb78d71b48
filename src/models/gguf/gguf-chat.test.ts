import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReliabenchError } from '../../core/errors.js';
import type { ModelRequest } from '../model-adapter.js';
import { createGgufAdapter, type GgufAdapter } from './gguf-adapter.js';
import { ggufSpec, tinyModelWithTemplate, TINY_MODEL } from './test-support/tiny-model.js';

const ONCE = 'Once upon a time';

function request(prompt: string, maxTokens = 20): ModelRequest {
  return { prompt, settings: { temperature: 0, maxTokens }, sampleIndex: 0 };
}

async function failure(promise: Promise<unknown>): Promise<ReliabenchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReliabenchError);
  return error as ReliabenchError;
}

describe('chat mode needs the model’s own chat template', () => {
  it('refuses ?mode=chat on a model without one, naming completion mode', async () => {
    const error = await failure(createGgufAdapter(ggufSpec(`gguf:${TINY_MODEL}?mode=chat`)));
    expect(error.code).toBe('BAD_MODEL_SPEC');
    expect(error.message).toMatch(/no chat template/);
    expect(error.message).toContain('?mode=completion');
    expect(error.message).not.toContain('\n');
  });

  it('refuses mode chat given as an option as well', async () => {
    const error = await failure(createGgufAdapter(ggufSpec(`gguf:${TINY_MODEL}`), { mode: 'chat' }));
    expect(error.code).toBe('BAD_MODEL_SPEC');
  });

  describe('on a copy of the tiny model given a ChatML template', () => {
    let templated: string;
    let chat: GgufAdapter;
    let completion: GgufAdapter;
    beforeAll(async () => {
      templated = await tinyModelWithTemplate();
      chat = await createGgufAdapter(ggufSpec(`gguf:${templated}`));
      completion = await createGgufAdapter(ggufSpec(`gguf:${templated}?mode=completion`));
    });
    afterAll(async () => {
      await chat.close();
      await completion.close();
      await rm(dirname(templated), { recursive: true, force: true });
    });

    it('defaults to chat mode', () => {
      expect(chat.hasChatTemplate).toBe(true);
      expect(chat.mode).toBe('chat');
      expect(completion.mode).toBe('completion');
    });

    it('wraps the prompt in the template (more input tokens than the raw prompt) and is deterministic', async () => {
      const viaChat = await chat.generate(request(ONCE), new AbortController().signal);
      const raw = await completion.generate(request(ONCE), new AbortController().signal);
      // <|im_start|>user\n…<|im_end|>\n<|im_start|>assistant\n is spelled out in this 512-token vocabulary.
      expect(viaChat.usage.inputTokens ?? 0).toBeGreaterThan((raw.usage.inputTokens ?? 0) + 10);
      expect(viaChat.text).not.toBe(raw.text);
      expect(viaChat.usage.outputTokens).toBeGreaterThan(0);
      expect(['stop', 'length']).toContain(viaChat.finishReason);
      const again = await chat.generate(request(ONCE), new AbortController().signal);
      expect(again.text).toBe(viaChat.text);
      expect(again.usage).toEqual(viaChat.usage);
    });

    it('adds no system prompt of node-llama-cpp’s own, unless one is configured', async () => {
      const withSystem = await createGgufAdapter(ggufSpec(`gguf:${templated}`), { systemPrompt: 'You tell stories about cats.' });
      try {
        const plain = await chat.generate(request(ONCE, 4), new AbortController().signal);
        const system = await withSystem.generate(request(ONCE, 4), new AbortController().signal);
        expect(system.usage.inputTokens ?? 0).toBeGreaterThan((plain.usage.inputTokens ?? 0) + 10);
        // node-llama-cpp's default system prompt alone is ~40 words; without it the input stays short.
        expect(plain.usage.inputTokens ?? 0).toBeLessThan(80);
      } finally {
        await withSystem.close();
      }
    });
  });
});

describe('model files that cannot be used', () => {
  it('a missing file names the path it looked at', async () => {
    const error = await failure(createGgufAdapter(ggufSpec('gguf:./no/such/model.gguf'), { baseDir: '/tmp/reliabench-nowhere' }));
    expect(error.code).toBe('BAD_MODEL_SPEC');
    expect(error.message).toContain('/tmp/reliabench-nowhere/no/such/model.gguf');
    expect(error.message).not.toContain('\n');
  });

  it('a file that is not GGUF fails to load with a clear message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reliabench-gguf-'));
    const bogus = join(dir, 'bogus.gguf');
    await writeFile(bogus, '<html>not a model</html>\n'.repeat(100));
    const error = await failure(createGgufAdapter(ggufSpec(`gguf:${bogus}`)));
    await rm(dir, { recursive: true, force: true });
    expect(error.code).toBe('BAD_MODEL_SPEC');
    expect(error.message).toMatch(/cannot load .*bogus\.gguf/);
    expect(error.message).not.toContain('\n');
  });
});
