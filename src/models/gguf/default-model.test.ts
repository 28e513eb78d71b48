import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReliabenchError } from '../../core/errors.js';
import { DEFAULT_MODEL, DEFAULT_MODEL_SPEC, resolveDefaultModel } from './default-model.js';
import { createGgufAdapter } from './gguf-adapter.js';
import { cachedModelPath } from './model-cache.js';
import { closedPortUrl, neverAnswer, startServer, type TestServer } from './test-support/file-server.js';
import { TINY_CONTINUATION, TINY_MODEL } from './test-support/tiny-model.js';

let cacheDir: string;
let server: TestServer | undefined;
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'reliabench-default-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(cacheDir, { recursive: true, force: true });
});

async function offlineFailure(env: Record<string, string>): Promise<{ error: ReliabenchError; ms: number }> {
  const started = performance.now();
  const error = await resolveDefaultModel({ env, cacheDir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  expect(error).toBeInstanceOf(ReliabenchError);
  return { error: error as ReliabenchError, ms };
}

function expectAlternatives(error: ReliabenchError): void {
  expect(error.code).toBe('DOWNLOAD_FAILED');
  expect(error.message).not.toContain('\n');
  expect(error.message).toContain('the default model Qwen2.5-0.5B-Instruct (Q4_K_M)');
  expect(error.message).toContain('--model gguf:./model.gguf');
  expect(error.message).toContain('--model openai-compatible:http://127.0.0.1:8000/v1#model');
  expect(error.message).toContain('--model openai:gpt-4o-mini with OPENAI_API_KEY');
}

describe('the default model', () => {
  it('is a Qwen2.5 0.5B instruct GGUF named by an hf: spec', () => {
    expect(DEFAULT_MODEL_SPEC).toBe('gguf:hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf');
    expect(DEFAULT_MODEL.licence).toBe('Apache-2.0');
  });

  it('offline (connection refused) fails at once with the alternatives', async () => {
    const { error, ms } = await offlineFailure({ RELIABENCH_HF_ENDPOINT: await closedPortUrl() });
    expectAlternatives(error);
    expect(ms).toBeLessThan(2000);
  });

  it('offline (nothing answers) fails within 10 s with the alternatives', async () => {
    server = await startServer(neverAnswer);
    const { error, ms } = await offlineFailure({ RELIABENCH_HF_ENDPOINT: server.url });
    expectAlternatives(error);
    expect(error.message).toContain('no data within 10 s');
    expect(ms).toBeGreaterThanOrEqual(9_900);
    expect(ms).toBeLessThan(10_800); // the 10 s deadline plus scheduling on a loaded 2-core machine
    expect(server.requests[0]?.path).toBe(`/${DEFAULT_MODEL.repo}/resolve/main/${DEFAULT_MODEL.file}`);
  }, 20_000);

  it('once cached it needs no network, and the adapter loads it from the cache', async () => {
    // The tiny model stands in for the real file (which this offline machine cannot fetch).
    const cached = cachedModelPath(cacheDir, DEFAULT_MODEL.repo, DEFAULT_MODEL.file);
    await mkdir(dirname(cached), { recursive: true });
    await copyFile(TINY_MODEL, cached);
    const env = { RELIABENCH_HF_ENDPOINT: await closedPortUrl() };
    const { spec, path } = await resolveDefaultModel({ env, cacheDir });
    expect(path).toBe(cached);
    const adapter = await createGgufAdapter(spec, { env, cacheDir });
    try {
      expect(adapter.modelId).toBe('hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf');
      expect(adapter.modelPath).toBe(cached);
      const response = await adapter.generate({ prompt: 'Once upon a time', settings: { temperature: 0, maxTokens: 10 }, sampleIndex: 0 }, new AbortController().signal);
      expect(TINY_CONTINUATION.startsWith(response.text)).toBe(true);
    } finally {
      await adapter.close();
    }
  });

  it('progress reaches the caller', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'content-length': 8 }).end('GGUFxxxx'));
    const events: number[] = [];
    const { path } = await resolveDefaultModel({ env: { RELIABENCH_HF_ENDPOINT: server.url }, cacheDir, onProgress: (e) => events.push(e.done) });
    expect(path).toBe(cachedModelPath(cacheDir, DEFAULT_MODEL.repo, DEFAULT_MODEL.file));
    expect(events).toEqual([0, 8]);
  });
});
