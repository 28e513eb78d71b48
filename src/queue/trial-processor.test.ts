import { describe, expect, it } from 'vitest';
import { UnrecoverableError, type Job } from 'bullmq';
import { ModelError, type ModelAdapter, type ModelRequest } from '../models/model-adapter.js';
import { WORKER_CANNOT_RUN, type QueueModel, type TrialJob } from './queue-protocol.js';
import { retryDelay, trialProcessor } from './trial-processor.js';

const MODEL: QueueModel = {
  key: 'm', queue: 'q', spec: 'ollama:x', mode: 'chat', timeoutMs: 1_000, maxRetries: 2,
  backoff: { baseMs: 500, capMs: 30_000 }, maxRetryAfterMs: 300_000,
};
const DATA: TrialJob = { item: 'addition-1', template: 'addition-01', sample: 0, prompt: 'What is 1 + 2?', settings: { temperature: 0, maxTokens: 16, stop: ['\n\n'] } };
const job = (attemptsMade: number, data: unknown = DATA): Job => ({ id: 'j', data, attemptsMade }) as unknown as Job;

function adapter(answer: (request: ModelRequest) => Promise<string>): ModelAdapter & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return {
    provider: 'ollama', modelId: 'x', mode: 'chat', requests,
    generate: async (request) => {
      requests.push(request);
      return { text: await answer(request), finishReason: 'stop', usage: { inputTokens: 5, outputTokens: 1 }, warnings: [], latencyMs: 3, raw: { ok: true } };
    },
  };
}

const context = (a: ModelAdapter | Error, pauses: number[] = []) => ({
  model: MODEL, adapter: a, workerName: 'w1', hard: new AbortController().signal, pauseQueue: async (ms: number) => { pauses.push(ms); },
});

describe('trialProcessor', () => {
  it('asks the model the job\'s prompt with its settings and trial key, and returns the answer as the result', async () => {
    const a = adapter(async () => '3');
    const result = await trialProcessor(context(a))(job(0));
    expect(a.requests).toEqual([{ prompt: DATA.prompt, settings: DATA.settings, sampleIndex: 0, key: { itemId: 'addition-1', templateId: 'addition-01' } }]);
    expect(result).toEqual({ status: 'answered', text: '3', finishReason: 'stop', usage: { inputTokens: 5, outputTokens: 1 }, latencyMs: 3, warnings: [], raw: { ok: true }, attempts: 1, worker: 'w1' });
  });

  it('returns a non-retryable error as the result at once', async () => {
    const a = adapter(() => Promise.reject(new ModelError('AUTH', 'wrong key', { status: 401 })));
    expect(await trialProcessor(context(a))(job(0))).toMatchObject({ status: 'error', code: 'AUTH', message: 'wrong key', attempts: 1, worker: 'w1' });
  });

  it('throws a retryable error while attempts are left (BullMQ retries the job), pausing the queue for a Retry-After; the last attempt returns it', async () => {
    const pauses: number[] = [];
    const a = adapter(() => Promise.reject(new ModelError('RATE_LIMITED', 'slow down', { status: 429, retryAfterMs: 2_000 })));
    const run = trialProcessor(context(a, pauses));
    await expect(run(job(0))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(run(job(1))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(pauses).toEqual([2_000, 2_000]);
    expect(await run(job(2))).toMatchObject({ status: 'error', code: 'RATE_LIMITED', attempts: 3, retryAfterMs: 2_000 });
  });

  it('returns at once a Retry-After longer than the run waits', async () => {
    const a = adapter(() => Promise.reject(new ModelError('RATE_LIMITED', 'quota', { status: 429, retryAfterMs: 3_600_000 })));
    expect(await trialProcessor(context(a))(job(0))).toMatchObject({ status: 'error', code: 'RATE_LIMITED', attempts: 1, retryAfterMs: 3_600_000 });
  });

  it('an adapter that hangs past the timeout is a TIMEOUT attempt', async () => {
    const hanging: ModelAdapter = {
      provider: 'ollama', modelId: 'x', mode: 'chat',
      generate: (_r, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new ModelError('TIMEOUT', 'no answer')))),
    };
    expect(await trialProcessor({ ...context(hanging), model: { ...MODEL, timeoutMs: 20, maxRetries: 0 } })(job(0))).toMatchObject({ status: 'error', code: 'TIMEOUT' });
  });

  it('a worker that cannot build the adapter, or a job that is not a trial, fails the job without retries', async () => {
    await expect(trialProcessor(context(new Error('needs OPENAI_API_KEY')))(job(0))).rejects.toThrow(new UnrecoverableError(`${WORKER_CANNOT_RUN}w1: needs OPENAI_API_KEY`));
    await expect(trialProcessor(context(adapter(async () => 'x')))(job(0, { nope: 1 }))).rejects.toThrow(/w1: job j is not a reliabench trial/);
  });
});

describe('retryDelay', () => {
  it('draws full jitter below the backoff ceiling, and never waits less than a Retry-After', () => {
    const delay = retryDelay(MODEL, () => 0.999);
    expect(delay(1, 'reliabench', new Error('x'))).toBe(499);
    expect(delay(4, 'reliabench', new Error('x'))).toBe(3_996);
    expect(delay(20, 'reliabench', new Error('x'))).toBe(29_970);
    expect(retryDelay(MODEL, () => 0)(1, 'reliabench', new ModelError('RATE_LIMITED', 'x', { retryAfterMs: 5_000 }))).toBe(5_000);
    expect(retryDelay(MODEL, () => 0.5)(1, 'reliabench', new ModelError('RATE_LIMITED', 'x', { retryAfterMs: 5_000 }))).toBe(5_250);
  });
});
